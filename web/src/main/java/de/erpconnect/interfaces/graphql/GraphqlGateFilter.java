package de.erpconnect.interfaces.graphql;

import de.erpconnect.application.service.ServiceDirectory;
import de.erpconnect.common.Jsonp;
import de.erpconnect.interfaces.http.BadRequestBodyException;
import de.erpconnect.interfaces.http.RequestBodies;
import de.erpconnect.interfaces.http.RequestPaths;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Locale;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

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

    private static final Logger LOG = Logger.getLogger(GraphqlGateFilter.class);

    static final int RETRY_AFTER_STOPPED_SECONDS = 60;
    static final int JSON_MAX_DEPTH = 1000;

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
            String path = path(request);
            boolean execution = path.equals("/graphql") || path.equals("/graphql/");
            String problem = execution && "GET".equals(request.getMethod()) ? getProblem(request) : null;
            if (problem != null) {
                refuse(response, 400, "BAD_REQUEST", problem);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), max);
        if (body == null) {
            refuse(response, 413, "REQUEST_TOO_LARGE", "The request is larger than " + max + " bytes.");
            return;
        }
        String problem = postProblem(request.getContentType(), body);
        if (problem != null) {
            refuse(response, 400, "BAD_REQUEST", problem);
            return;
        }
        try {
            chain.doFilter(new BufferedBody(request, body), response);
        } catch (RuntimeException | IOException e) {
            if (!clientWentAway(e)) {
                throw e;
            }
            // nobody is left to answer: not a failure of the server, so no error in its log
            LOG.debugf("The client of %s closed the connection before the answer was written: %s", path(request), e);
        }
    }

    /**
     * Whether writing the answer failed because the client closed the connection (a broken pipe,
     * a reset, a closed channel) — SmallRye reports that as a RuntimeException around the I/O error.
     */
    static boolean clientWentAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
            if (t instanceof IOException && t.getMessage() != null) {
                String message = t.getMessage();
                if (message.contains("Broken pipe") || message.contains("Connection reset")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String path(HttpServletRequest request) {
        return RequestPaths.of(request);
    }

    /**
     * What is wrong with a POST body as a GraphQL-over-HTTP request, or null: a JSON object in
     * UTF-8 (at most 1000 levels deep) with a string {@code query}, and {@code variables},
     * {@code extensions} objects and {@code operationName} a string when present. A body of type
     * {@code application/graphql} is the query itself. SmallRye would answer the others with 500.
     */
    static String postProblem(String contentType, byte[] body) {
        String utf8;
        try {
            utf8 = RequestBodies.decodeUtf8(body);
        } catch (BadRequestBodyException e) {
            return e.getMessage();
        }
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/graphql")) {
            return utf8.isBlank() ? "The request body (the query) is empty." : null;
        }
        JsonValue parsed = json(utf8);
        if (parsed == null) {
            return "The request body is not well-formed JSON (at most " + JSON_MAX_DEPTH + " levels deep).";
        }
        if (parsed.getValueType() != JsonValue.ValueType.OBJECT) {
            return "The request body must be a JSON object with the member \"query\".";
        }
        JsonObject envelope = parsed.asJsonObject();
        if (!(envelope.get("query") instanceof JsonString)) {
            return "The member \"query\" must be a string (the GraphQL document).";
        }
        return memberProblem(envelope.get("variables"), envelope.get("operationName"), envelope.get("extensions"));
    }

    /** The same rules for the parameters of a GET request to the endpoint (not the SDL at /graphql/schema.graphql). */
    static String getProblem(HttpServletRequest request) {
        String query = request.getParameter("query");
        if (query == null || query.isBlank()) {
            return "The parameter \"query\" is missing.";
        }
        JsonValue variables = jsonParameter(request.getParameter("variables"));
        JsonValue extensions = jsonParameter(request.getParameter("extensions"));
        if (variables == null || extensions == null) {
            return "The parameters \"variables\" and \"extensions\" must be well-formed JSON objects.";
        }
        String operation = request.getParameter("operationName");
        return memberProblem(
                variables, operation == null ? JsonValue.NULL : Jsonp.JSON.createValue(operation), extensions);
    }

    private static String memberProblem(JsonValue variables, JsonValue operationName, JsonValue extensions) {
        if (variables != null && !(variables instanceof JsonObject) && variables != JsonValue.NULL) {
            return "The member \"variables\" must be a JSON object.";
        }
        if (operationName != null && !(operationName instanceof JsonString) && operationName != JsonValue.NULL) {
            return "The member \"operationName\" must be a string.";
        }
        if (extensions != null && !(extensions instanceof JsonObject) && extensions != JsonValue.NULL) {
            return "The member \"extensions\" must be a JSON object.";
        }
        return null;
    }

    /** The parameter's JSON value, JSON null when absent, Java null when malformed. */
    private static JsonValue jsonParameter(String raw) {
        return raw == null || raw.isEmpty() ? JsonValue.NULL : json(raw);
    }

    private static JsonValue json(String text) {
        try (JsonReader reader = Jsonp.JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (RuntimeException e) {
            // JsonException, or nesting beyond the parser's depth limit
            return null;
        }
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
        byte[] body = Jsonp.JSON
                .createObjectBuilder()
                .add(
                        "errors",
                        Jsonp.JSON
                                .createArrayBuilder()
                                .add(Jsonp.JSON
                                        .createObjectBuilder()
                                        .add("message", message)
                                        .add(
                                                "extensions",
                                                Jsonp.JSON.createObjectBuilder().add("code", code))))
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

        /** The body was checked to be UTF-8, whatever charset the Content-Type names (GraphQL over HTTP). */
        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
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
