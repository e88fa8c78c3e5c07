package de.erpconnect.interfaces.http;

import java.util.Locale;

/**
 * The small pages that tell a person why something cannot be done (an error, an authorization
 * request we must not redirect, GraphiQL switched off), in the style of the login page and in the
 * page's language: no script, every text HTML-escaped exactly once here.
 */
public final class MessagePage {

    private MessagePage() {}

    /**
     * A whole page; {@code lead} (optional) explains, {@code message} (optional) names the cause,
     * {@code home} (optional) is the link text back to the start page.
     */
    public static String html(Locale language, String heading, String lead, String message, String home) {
        return "<!DOCTYPE html><html lang=\"" + language.getLanguage() + "\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + escape(heading)
                + " – ERP Connect</title><link rel=\"stylesheet\" href=\"/login.css\"></head>"
                + "<body><main><h1>" + escape(heading) + "</h1>"
                + (lead == null ? "" : "<p id=\"lead\">" + escape(lead) + "</p>")
                + (message == null ? "" : "<p class=\"error\" id=\"message\">" + escape(message) + "</p>")
                + (home == null ? "" : "<p><a id=\"home\" href=\"/\">" + escape(home) + "</a></p>")
                + "</main></body></html>";
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
