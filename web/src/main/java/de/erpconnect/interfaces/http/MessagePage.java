package de.erpconnect.interfaces.http;

/**
 * The small German pages that tell a user why something cannot be done (an authorization request
 * we must not redirect, GraphiQL switched off): no script, every text HTML-escaped.
 */
public final class MessagePage {

    private MessagePage() {}

    /** A whole page; {@code lead} (optional) explains, {@code message} names the cause. */
    public static String html(String heading, String lead, String message) {
        return "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"UTF-8\">"
                + "<title>" + escape(heading)
                + " – ERP Connect</title><link rel=\"stylesheet\" href=\"/login.css\"></head>"
                + "<body><main><h1>" + escape(heading) + "</h1>"
                + (lead == null ? "" : "<p>" + escape(lead) + "</p>")
                + "<p class=\"error\">" + escape(message) + "</p></main></body></html>";
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
