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
        return page(
                language,
                heading,
                "",
                (lead == null ? "" : "<p id=\"lead\">" + escape(lead) + "</p>")
                        + (message == null ? "" : "<p class=\"error\" id=\"message\">" + escape(message) + "</p>")
                        + (home == null ? "" : "<p><a id=\"home\" href=\"/\">" + escape(home) + "</a></p>"));
    }

    /** A page that moves on to {@code url} by itself (a refresh, not a redirect) and offers the link. */
    public static String movingOn(Locale language, String heading, String url, String linkText) {
        String target = escape(url);
        return page(
                language,
                heading,
                "<meta http-equiv=\"refresh\" content=\"0;url=" + target + "\">",
                "<p><a id=\"continue\" href=\"" + target + "\">" + escape(linkText) + "</a></p>");
    }

    private static String page(Locale language, String heading, String head, String body) {
        return "<!DOCTYPE html><html lang=\"" + language.getLanguage() + "\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" + head
                + "<title>" + escape(heading)
                + " – ERP Connect</title><link rel=\"stylesheet\" href=\"/login.css\"></head>"
                + "<body><main><h1>" + escape(heading) + "</h1>" + body + "</main></body></html>";
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
