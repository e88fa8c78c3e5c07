package de.erpconnect.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local stand-in of Amazon for the tests (no outside network): Seller Central's consent page
 * ({@code /apps/authorize/consent}), Login with Amazon's token endpoint ({@code /auth/o2/token}) and
 * one SP-API call ({@code GET /sellers/v1/marketplaceParticipations}). It accepts only requests as
 * Amazon documents them (form fields, the registered {@code redirect_uri}, the
 * {@code x-amz-access-token} header) and behaves like Amazon: a code works once and for five
 * minutes, a reused or expired one is {@code invalid_grant}, a wrong secret {@code invalid_client},
 * a draft application without {@code version=beta} is MD1000. Its clock can be moved forward.
 */
final class AmazonStandIn implements AutoCloseable {

    static final String APPLICATION_ID = "amzn1.sp.solution.erpconnect-test";
    static final String CLIENT_ID = "amzn1.application-oa2-client.erpconnect-test";
    static final String SELLING_PARTNER_ID = "A3ERPCONNECTTEST";

    private record Code(Instant issuedAt, boolean[] used) {}

    private final HttpServer server;
    private final String redirectUri;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Instant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    private volatile String clientSecret;
    private volatile Duration clockOffset = Duration.ZERO;

    private AmazonStandIn(int port, String redirectUri, String clientSecret) throws IOException {
        this.redirectUri = redirectUri;
        this.clientSecret = clientSecret;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 20);
        server.createContext("/apps/authorize/consent", this::consent);
        server.createContext("/apps/authorize/confirm", this::confirm);
        server.createContext("/auth/o2/token", this::token);
        server.createContext("/sellers/v1/marketplaceParticipations", this::participations);
        server.start();
    }

    /** On {@code it.port.amazon}, redirecting to the cloud's registered callback. */
    static AmazonStandIn start(String clientSecret) throws IOException {
        return new AmazonStandIn(
                Integer.getInteger("it.port.amazon"), ItEnv.issuer() + "/cloud/api/amazon/callback", clientSecret);
    }

    static String url() {
        return "http://127.0.0.1:" + Integer.getInteger("it.port.amazon");
    }

    /** Amazon rotated the LWA secret: the old one is refused from now on. */
    void rotateSecret(String newSecret) {
        this.clientSecret = newSecret;
    }

    /** Moves the stand-in's clock forward (codes expire after five minutes). */
    void advance(Duration duration) {
        clockOffset = clockOffset.plus(duration);
    }

    /** The grant types of the token requests seen so far. */
    List<String> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    private Instant now() {
        return Instant.now().plus(clockOffset);
    }

    private void consent(HttpExchange exchange) throws IOException {
        Map<String, String> query = parse(exchange.getRequestURI().getRawQuery());
        if (!"GET".equals(exchange.getRequestMethod())) {
            send(exchange, 405, "text/plain", "method not allowed");
            return;
        }
        if (!APPLICATION_ID.equals(query.get("application_id")) || !"beta".equals(query.get("version"))) {
            // Amazon's answer to a draft application without version=beta, or a wrong application id
            send(exchange, 400, "text/html", "<html><body><h1 id=\"error\">MD1000</h1></body></html>");
            return;
        }
        String state = query.get("state");
        if (state == null || state.isEmpty()) {
            send(exchange, 400, "text/html", "<html><body><h1 id=\"error\">state missing</h1></body></html>");
            return;
        }
        send(
                exchange,
                200,
                "text/html",
                "<!DOCTYPE html><html><head><title>Amazon Seller Central (Stand-in)</title></head><body>"
                        + "<h1>Zugriff für ERP Connect bestätigen</h1>"
                        + "<form method=\"post\" action=\"/apps/authorize/confirm\">"
                        + "<input type=\"hidden\" name=\"state\" value=\"" + state.replace("\"", "&quot;") + "\">"
                        + "<button id=\"confirm\" type=\"submit\">Bestätigen</button></form></body></html>");
    }

    /** The seller confirms: a code valid for five minutes and once, back to the registered redirect URI. */
    private void confirm(HttpExchange exchange) throws IOException {
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String code = "ANd" + random(12);
        codes.put(code, new Code(now(), new boolean[1]));
        String location = redirectUri + "?state=" + encode(form.get("state")) + "&selling_partner_id="
                + SELLING_PARTNER_ID + "&mws_auth_token=amzn.mws." + random(6) + "&spapi_oauth_code=" + code;
        exchange.getResponseHeaders().add("Location", location);
        send(exchange, 302, "text/plain", "");
    }

    private void token(HttpExchange exchange) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (!"POST".equals(exchange.getRequestMethod())
                || type == null
                || !type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            error(exchange, 400, "invalid_request", "The request is missing a required parameter or is malformed.");
            return;
        }
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        tokenRequests.add(form.getOrDefault("grant_type", "?"));
        if (!CLIENT_ID.equals(form.get("client_id")) || !clientSecret.equals(form.get("client_secret"))) {
            error(exchange, 401, "invalid_client", "Client authentication failed");
            return;
        }
        switch (form.getOrDefault("grant_type", "")) {
            case "authorization_code" -> {
                Code code = codes.get(form.getOrDefault("code", ""));
                boolean valid = code != null
                        && !code.used()[0]
                        && now().isBefore(code.issuedAt().plus(Duration.ofMinutes(5)))
                        && redirectUri.equals(form.get("redirect_uri"));
                if (code != null) {
                    code.used()[0] = true;
                }
                if (!valid) {
                    error(exchange, 400, "invalid_grant", "The request has an invalid grant parameter : code");
                    return;
                }
                String refresh = Secrets.note("Atzr|" + random(24));
                refreshTokens.put(refresh, SELLING_PARTNER_ID);
                tokens(exchange, refresh);
            }
            case "refresh_token" -> {
                if (!refreshTokens.containsKey(form.getOrDefault("refresh_token", ""))) {
                    error(exchange, 400, "invalid_grant", "The request has an invalid grant parameter : refresh_token");
                    return;
                }
                tokens(exchange, null);
            }
            default -> error(exchange, 400, "unsupported_grant_type", "The authorization grant type is not supported");
        }
    }

    private void tokens(HttpExchange exchange, String refresh) throws IOException {
        String access = Secrets.note("Atza|" + random(24));
        accessTokens.put(access, now().plus(Duration.ofHours(1)));
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        send(
                exchange,
                200,
                "application/json",
                "{\"access_token\":\"" + access + "\",\"token_type\":\"bearer\",\"expires_in\":3600"
                        + (refresh == null ? "" : ",\"refresh_token\":\"" + refresh + "\"") + "}");
    }

    private void participations(HttpExchange exchange) throws IOException {
        String token = exchange.getRequestHeaders().getFirst("x-amz-access-token");
        Instant expires = token == null ? null : accessTokens.get(token);
        if (!"GET".equals(exchange.getRequestMethod()) || expires == null || !now().isBefore(expires)) {
            send(
                    exchange,
                    403,
                    "application/json",
                    "{\"errors\":[{\"code\":\"Unauthorized\",\"message\":\"Access to requested resource is denied.\"}]}");
            return;
        }
        send(
                exchange,
                200,
                "application/json",
                "{\"payload\":[{\"marketplace\":{\"id\":\"A1PA6795UKMFR9\",\"countryCode\":\"DE\",\"name\":\"Amazon.de\","
                        + "\"defaultCurrencyCode\":\"EUR\",\"defaultLanguageCode\":\"de_DE\",\"domainName\":\"www.amazon.de\"},"
                        + "\"participation\":{\"isParticipating\":true,\"hasSuspendedListings\":false}},"
                        + "{\"marketplace\":{\"id\":\"A13V1IB3VIYZZH\",\"countryCode\":\"FR\",\"name\":\"Amazon.fr\","
                        + "\"defaultCurrencyCode\":\"EUR\",\"defaultLanguageCode\":\"fr_FR\",\"domainName\":\"www.amazon.fr\"},"
                        + "\"participation\":{\"isParticipating\":true,\"hasSuspendedListings\":false}}]}");
    }

    private static void error(HttpExchange exchange, int status, String error, String description) throws IOException {
        send(
                exchange,
                status,
                "application/json",
                "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}");
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type + ";charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> parse(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.put(key, value);
        }
        return values;
    }

    private String random(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
