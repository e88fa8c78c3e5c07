package de.erpconnect.interfaces.http;

import de.erpconnect.infrastructure.config.Settings;
import de.erpconnect.interfaces.security.RemoteAddresses;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers every response carries (DESIGN §11): pages cannot be framed (CSP
 * {@code frame-ancestors 'none'}), no MIME sniffing, no referrer. In production, HSTS, and a
 * plain-HTTP request is redirected to the same path under the public https URL (a request that a
 * trusted proxy forwarded from https, {@code X-Forwarded-Proto: https}, counts as secure).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String POLICY = "default-src 'self'; frame-ancestors 'none'; form-action 'self'";

    @Inject
    Settings settings;

    @Inject
    RemoteAddresses remoteAddresses;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!request.getRequestURI().endsWith(".xhtml")) {
            // Faces pages get the same policy from PrimeFaces, with the nonce of their scripts (web.xml)
            response.setHeader("Content-Security-Policy", POLICY);
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        if (!settings.isDev()) {
            if (!request.isSecure() && !remoteAddresses.forwardedFromHttps(request)) {
                String query = request.getQueryString();
                response.setStatus(308);
                response.setHeader(
                        "Location",
                        settings.publicUrl().resolve(request.getRequestURI() + (query == null ? "" : "?" + query)));
                return;
            }
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        chain.doFilter(request, response);
    }
}
