package de.erpconnect.interfaces.oauth;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Our own page for authorization errors that must not be redirected (unknown client, unregistered
 * redirect URI): German, no script, the message HTML-escaped.
 */
final class ErrorPage {

    private ErrorPage() {}

    static Response response(int status, String message) {
        String html = "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"UTF-8\">"
                + "<title>Anmeldung nicht möglich – ERP Connect</title><link rel=\"stylesheet\" href=\"/login.css\"></head>"
                + "<body><main><h1>Anmeldung nicht möglich</h1>"
                + "<p>Die Anwendung hat eine ungültige Anfrage gesendet. Bitte wenden Sie sich an den Anbieter der Anwendung.</p>"
                + "<p class=\"error\">" + escape(message) + "</p></main></body></html>";
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(html)
                .build();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
