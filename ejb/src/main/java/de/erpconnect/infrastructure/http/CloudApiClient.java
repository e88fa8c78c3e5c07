package de.erpconnect.infrastructure.http;

import de.erpconnect.common.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ERP side's calls to the vendor cloud's API (DESIGN §9), authenticated with a realm token from
 * the installation's active "microtech Cloud" access credentials (client credentials, RFC 6749
 * §4.4; the token is reused until shortly before it expires). Every failure is a
 * {@link CloudCallException} with the HTTP status (0: not reachable) and the cloud's message.
 */
@ApplicationScoped
public class CloudApiClient {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    /** Where and as whom to call the cloud; never printed with its secret. */
    public record Access(String tokenUrl, String apiBase, String clientId, String secret) {

        @Override
        public String toString() {
            return "Access[" + apiBase + ", " + clientId + "]";
        }
    }

    /** A failed call: HTTP status (0 when the cloud cannot be reached) and what the cloud said. */
    public static class CloudCallException extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final int status;

        public CloudCallException(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private record CachedToken(String token, Instant expiresAt) {}

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();

    public JsonObject post(Access access, String path, JsonObject body) {
        return call(access, "POST", path, body == null ? "" : body.toString());
    }

    public JsonObject get(Access access, String path) {
        return call(access, "GET", path, null);
    }

    public void delete(Access access, String path) {
        call(access, "DELETE", path, null);
    }

    private JsonObject call(Access access, String method, String path, String body) {
        String token = token(access);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(access.apiBase() + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = send(request.build(), access);
        if (response.statusCode() == 401) {
            tokens.remove(cacheKey(access));
        }
        JsonObject json = Jsonp.object(response.body()).orElse(null);
        if (response.statusCode() / 100 != 2) {
            String detail = json == null
                    ? "HTTP " + response.statusCode()
                    : json.getString("detail", json.getString("error_description", "HTTP " + response.statusCode()));
            throw new CloudCallException(response.statusCode(), detail);
        }
        return json == null ? JsonValue.EMPTY_JSON_OBJECT : json;
    }

    /** A realm token by client credentials, reused until 30 s before it expires. */
    private String token(Access access) {
        String key = cacheKey(access);
        CachedToken cached = tokens.get(key);
        if (cached != null && Instant.now().isBefore(cached.expiresAt())) {
            return cached.token();
        }
        HttpRequest request = TokenEndpointProbe.clientCredentialsRequest(
                access.tokenUrl(), access.clientId(), access.secret(), REQUEST_TIMEOUT);
        HttpResponse<String> response = send(request, access);
        JsonObject json = Jsonp.object(response.body()).orElse(null);
        if (response.statusCode() != 200 || json == null || !(json.get("access_token") instanceof JsonString t)) {
            String error = json != null && json.get("error") instanceof JsonString e
                    ? e.getString()
                    : "HTTP " + response.statusCode();
            String description = json != null && json.get("error_description") instanceof JsonString d
                    ? " (" + d.getString().replace(access.secret(), "***") + ")"
                    : "";
            throw new CloudCallException(
                    response.statusCode(),
                    "The microtech Cloud refused the access credentials: " + error + description + ".");
        }
        long expiresIn = json.containsKey("expires_in")
                ? json.getJsonNumber("expires_in").longValue()
                : 60;
        tokens.put(key, new CachedToken(t.getString(), Instant.now().plusSeconds(Math.max(0, expiresIn - 30))));
        return t.getString();
    }

    private HttpResponse<String> send(HttpRequest request, Access access) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CloudCallException(
                    0,
                    "The microtech Cloud at " + URI.create(access.apiBase()).getHost() + " cannot be reached ("
                            + e.getClass().getSimpleName() + "). Nothing was changed; please try again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudCallException(0, "The call to the microtech Cloud was interrupted.");
        }
    }

    private static String cacheKey(Access access) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((access.tokenUrl() + "\n" + access.clientId() + "\n" + access.secret())
                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
