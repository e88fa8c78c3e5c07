package de.erpconnect.interfaces.metrics;

import de.erpconnect.interfaces.http.RequestPaths;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Times every answer of the token, introspection, revocation and GraphQL endpoints (mapped in
 * web.xml, so that it wraps the other filters and also counts their refusals). Requests the
 * container refuses before any filter (a missing bearer token on /graphql) are not counted.
 */
public class MetricsFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    RequestMetrics metrics;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            metrics.record(endpoint(request), response.getStatus(), System.nanoTime() - start);
        }
    }

    private static String endpoint(HttpServletRequest request) {
        String path = RequestPaths.of(request);
        return switch (path) {
            case "/oauth2/token" -> "token";
            case "/oauth2/introspect" -> "introspect";
            case "/oauth2/revoke" -> "revoke";
            default -> "graphql";
        };
    }
}
