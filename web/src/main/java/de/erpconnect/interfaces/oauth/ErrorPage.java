package de.erpconnect.interfaces.oauth;

import de.erpconnect.domain.token.AuthorizationPageException;
import de.erpconnect.interfaces.http.ErrorPages;
import de.erpconnect.interfaces.http.MessagePage;
import de.erpconnect.interfaces.http.PageTexts;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * Our own page for what ends an authorization in the user's browser instead of a redirect to the
 * application (RFC 6749 §4.1.2.1): a request with an unknown client or an unregistered redirect
 * URI (the application's fault: contact its vendor), or a consent that expired or was answered
 * (start again in the application). In the page's language, no script.
 */
final class ErrorPage {

    private ErrorPage() {}

    static Response response(int status, AuthorizationPageException e, Locale language) {
        PageTexts texts = PageTexts.of(language);
        String cause = texts.get(e.messageKey());
        String html = e.reason().applicationFault()
                ? MessagePage.html(
                        language, texts.get("authorization.title"), texts.get("authorization.invalid"), cause, null)
                : MessagePage.html(language, texts.get("authorization.title"), cause, null, null);
        return page(status, html);
    }

    /** A request that could not be read at all (a malformed form, a failure of ours). */
    static Response general(int status, Locale language) {
        return page(status, ErrorPages.html(language, status, null));
    }

    private static Response page(int status, String html) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(html)
                .build();
    }
}
