package de.erpconnect.interfaces.oauth;

import de.erpconnect.interfaces.http.MessagePage;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Our own page for authorization errors that must not be redirected (unknown client, unregistered
 * redirect URI): German, no script, the message HTML-escaped.
 */
final class ErrorPage {

    private ErrorPage() {}

    static Response response(int status, String message) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(MessagePage.html(
                        "Anmeldung nicht möglich",
                        "Die Anwendung hat eine ungültige Anfrage gesendet. Bitte wenden Sie sich an den Anbieter der"
                                + " Anwendung.",
                        message))
                .build();
    }
}
