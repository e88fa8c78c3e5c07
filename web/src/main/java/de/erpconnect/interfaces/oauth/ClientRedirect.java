package de.erpconnect.interfaces.oauth;

import de.erpconnect.interfaces.http.ContentSecurityPolicy;
import de.erpconnect.interfaces.http.MessagePage;
import de.erpconnect.interfaces.http.PageTexts;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Locale;

/**
 * The way back to the application at the end of an authorization (RFC 6749 §4.1.2): a 303 to its
 * redirect URI. Browsers apply the page's CSP {@code form-action} to that redirect when it follows
 * the login or consent form, and CSP cannot name an IPv6 literal (Chromium ignores
 * {@code http://[::1]:port} as an invalid source); so for a native app's {@code [::1]} loopback
 * URI (RFC 8252 §7.3) the answer is a small page that moves on by itself (a refresh is a
 * navigation, not a form submission) and offers the link too.
 */
final class ClientRedirect {

    private ClientRedirect() {}

    static Response to(String location, Locale language) {
        if (ContentSecurityPolicy.originOf(location).isPresent()) {
            return Response.seeOther(URI.create(location))
                    .header("Cache-Control", "no-store")
                    .build();
        }
        PageTexts texts = PageTexts.of(language);
        String html = MessagePage.movingOn(
                language,
                texts.get("authorization.continue.title"),
                location,
                texts.get("authorization.continue.link"));
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .build();
    }
}
