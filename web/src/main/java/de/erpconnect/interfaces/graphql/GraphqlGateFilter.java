package de.erpconnect.interfaces.graphql;

import de.erpconnect.application.ServiceDirectory;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What /graphql checks before a query is parsed (DESIGN §7): the automation service
 * "GraphQL-Server" runs (else 503), the calling application stays within its request rate (else
 * 429 with {@code Retry-After}), and the request body is at most
 * {@code erpconnect.graphql.max-request-bytes} (else 413). Every refusal is a GraphQL-shaped
 * error with a stable code.
 */
@WebFilter(urlPatterns = "/graphql/*", asyncSupported = true)
public class GraphqlGateFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final int RETRY_AFTER_STOPPED_SECONDS = 60;

    @Inject
    ServiceDirectory services;

    @Inject
    GraphqlLimits limits;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("OPTIONS".equals(request.getMethod())) {
            // a CORS preflight: answered by CorsFilter, never executed
            chain.doFilter(request, response);
            return;
        }
        if (!services.graphqlRunning()) {
            response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_STOPPED_SECONDS));
            refuse(
                    response,
                    HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    "SERVICE_STOPPED",
                    "Der GraphQL-Server ist angehalten (Automatisierungsdienste). The GraphQL server is stopped"
                            + " by the administrator.");
            return;
        }
        Principal principal = request.getUserPrincipal();
        Object client = principal instanceof JsonWebToken jwt ? jwt.getClaim("client_id") : null;
        if (client != null) {
            long waitSeconds = limits.acquire(client.toString());
            if (waitSeconds > 0) {
                response.setHeader("Retry-After", String.valueOf(waitSeconds));
                refuse(
                        response,
                        429,
                        "RATE_LIMITED",
                        "Too many requests from this application (at most " + limits.requestsPerSecond()
                                + " per second); retry after " + waitSeconds + " s.");
                return;
            }
        }
        int max = limits.maxRequestBytes();
        if (request.getContentLengthLong() > max) {
            refuse(response, 413, "REQUEST_TOO_LARGE", "The request is larger than " + max + " bytes.");
            return;
        }
        if (!"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), max);
        if (body == null) {
            refuse(response, 413, "REQUEST_TOO_LARGE", "The request is larger than " + max + " bytes.");
            return;
        }
        chain.doFilter(new BufferedBody(request, body), response);
    }

    /** The body, or null when it is longer than {@code max} bytes. */
    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 8192));
        byte[] buffer = new byte[8192];
        int total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total > max) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static void refuse(HttpServletResponse response, int status, String code, String message)
            throws IOException {
        byte[] body = Json.createObjectBuilder()
                .add(
                        "errors",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("message", message)
                                        .add(
                                                "extensions",
                                                Json.createObjectBuilder().add("code", code))))
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The request with its body already read (and checked for size). */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("Synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
