package de.erpconnect.interfaces.graphql;

import de.erpconnect.application.client.CorsOrigins;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * CORS for /graphql (DESIGN §7): only the registered origins of Enterprise public clients get
 * {@code Access-Control-Allow-Origin}; a preflight ({@code OPTIONS}, which carries no token) is
 * answered here — 204 with the allowed method and headers, or 403 without any CORS header for any
 * other origin. No cookies are involved: /graphql takes tokens only; a DPoP-bound token's proof
 * travels in the {@code DPoP} header and the server's nonce comes back in {@code DPoP-Nonce}
 * (RFC 9449 §7 and §8).
 */
@WebFilter(urlPatterns = "/graphql/*", asyncSupported = true)
public class CorsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String MAX_AGE_SECONDS = "600";

    @Inject
    CorsOrigins origins;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        boolean allowed = origin != null && origins.allows(origin);
        if (origin != null) {
            response.addHeader("Vary", "Origin");
        }
        if ("OPTIONS".equals(request.getMethod())) {
            if (!allowed || request.getHeader("Access-Control-Request-Method") == null) {
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Allow-Methods", "POST, GET");
            response.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, DPoP");
            response.setHeader("Access-Control-Max-Age", MAX_AGE_SECONDS);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        if (allowed) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Expose-Headers", "Retry-After, WWW-Authenticate, DPoP-Nonce");
        }
        chain.doFilter(request, response);
    }
}
