package de.erpconnect.infrastructure.http;

import de.erpconnect.common.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cloud's calls to Amazon (reference: Amazon's SP-API developer guide): Login with Amazon's
 * token endpoint ({@code authorization_code} within the code's five minutes, {@code refresh_token}
 * for one-hour access tokens; form-encoded, client id and secret in the form) and one SP-API call,
 * {@code GET /sellers/v1/marketplaceParticipations} with the access token in
 * {@code x-amz-access-token}. Failures carry Amazon's error code, never a token or secret.
 */
@ApplicationScoped
public class AmazonClient {

    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** What Login with Amazon answers: an access token, its lifetime, and (on code exchange) a refresh token. */
    public record LwaTokens(String accessToken, long expiresInSeconds, String refreshToken) {

        @Override
        public String toString() {
            return "LwaTokens[expiresIn=" + expiresInSeconds + "]";
        }
    }

    /** A refusal or failure of Amazon: its error code ({@code invalid_grant}, …) and description. */
    public static class AmazonCallException extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final String code;
        private final String description;

        public AmazonCallException(String code, String description) {
            super(code + (description == null ? "" : ": " + description), null, false, false);
            this.code = code;
            this.description = description;
        }

        public String code() {
            return code;
        }

        public String description() {
            return description;
        }
    }

    public LwaTokens exchangeCode(String tokenUrl, String code, String redirectUri, String clientId, String secret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        return tokens(tokenUrl, form, true);
    }

    public LwaTokens refresh(String tokenUrl, String refreshToken, String clientId, String secret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        return tokens(tokenUrl, form, false);
    }

    /** The marketplaces the seller participates in, as "Name (marketplace id)". */
    public List<String> marketplaceParticipations(String spApiBase, String accessToken) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(spApiBase + "/sellers/v1/marketplaceParticipations"))
                .timeout(TIMEOUT)
                .header("x-amz-access-token", accessToken)
                .header("Accept", "application/json")
                .header("User-Agent", "ERPConnect/1.0 (Language=Java)")
                .GET()
                .build();
        HttpResponse<String> response = send(request);
        JsonObject json = Jsonp.object(response.body()).orElse(null);
        if (response.statusCode() != 200 || json == null || !(json.get("payload") instanceof JsonArray payload)) {
            throw failure(response.statusCode(), json, "SP-API");
        }
        List<String> found = new ArrayList<>();
        for (JsonValue entry : payload) {
            if (entry instanceof JsonObject participation
                    && participation.get("marketplace") instanceof JsonObject marketplace) {
                found.add(marketplace.getString("name", "?") + " (" + marketplace.getString("id", "?") + ")");
            }
        }
        return found;
    }

    private LwaTokens tokens(String tokenUrl, Map<String, String> form, boolean expectRefreshToken) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = send(request);
        JsonObject json = Jsonp.object(response.body()).orElse(null);
        if (response.statusCode() != 200 || json == null || !(json.get("access_token") instanceof JsonString access)) {
            throw failure(response.statusCode(), json, "Login with Amazon");
        }
        String refresh = json.get("refresh_token") instanceof JsonString r ? r.getString() : null;
        if (expectRefreshToken && refresh == null) {
            throw new AmazonCallException("invalid_response", "Login with Amazon returned no refresh token.");
        }
        long expires = json.containsKey("expires_in")
                ? json.getJsonNumber("expires_in").longValue()
                : 3600;
        return new LwaTokens(access.getString(), expires, refresh);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AmazonCallException(
                    "unreachable",
                    request.uri().getHost() + " cannot be reached ("
                            + e.getClass().getSimpleName() + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AmazonCallException("interrupted", "The call to Amazon was interrupted.");
        }
    }

    private static AmazonCallException failure(int status, JsonObject json, String service) {
        if (json != null && json.get("error") instanceof JsonString error) {
            String description = json.get("error_description") instanceof JsonString d ? d.getString() : null;
            return new AmazonCallException(error.getString(), description);
        }
        if (json != null
                && json.get("errors") instanceof JsonArray errors
                && !errors.isEmpty()
                && errors.get(0) instanceof JsonObject first) {
            return new AmazonCallException(first.getString("code", "HTTP " + status), first.getString("message", null));
        }
        return new AmazonCallException("HTTP " + status, "Unexpected answer of " + service + ".");
    }
}
