package de.erpconnect.infrastructure.http;

import de.erpconnect.common.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLException;

/**
 * "Testen" of access credentials: one client-credentials request (RFC 6749 §4.4, client
 * authentication {@code client_secret_basic}) to an OAuth token endpoint, with a connect timeout
 * and a request timeout, answered in words an administrator understands. The token it may get is
 * never kept, logged or returned.
 */
@ApplicationScoped
public class TokenEndpointProbe {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** The outcome of a probe; {@code message} names what happened and never contains a secret. */
    public record Outcome(boolean ok, String message) {}

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public Outcome probe(String tokenUrl, String clientId, String secret) {
        HttpRequest request = clientCredentialsRequest(tokenUrl, clientId, secret, REQUEST_TIMEOUT);
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            return new Outcome(
                    false,
                    "The token endpoint " + tokenUrl + " cannot be reached: no connection within "
                            + CONNECT_TIMEOUT.toSeconds() + " s.");
        } catch (HttpTimeoutException e) {
            return new Outcome(
                    false,
                    "The token endpoint " + tokenUrl + " did not answer within " + REQUEST_TIMEOUT.toSeconds() + " s.");
        } catch (ConnectException e) {
            return new Outcome(false, "The token endpoint " + tokenUrl + " cannot be reached: connection refused.");
        } catch (SSLException e) {
            return new Outcome(
                    false, "The TLS connection to " + tokenUrl + " failed (is its certificate valid and trusted?).");
        } catch (IOException e) {
            if (rootCause(e) instanceof UnknownHostException) {
                return new Outcome(false, "The host of the token endpoint " + tokenUrl + " is unknown (DNS).");
            }
            return new Outcome(
                    false,
                    "The connection to the token endpoint " + tokenUrl + " failed ("
                            + rootCause(e).getClass().getSimpleName() + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, "The test was interrupted.");
        }
        return interpret(response.statusCode(), response.body(), secret);
    }

    /**
     * A client-credentials token request (RFC 6749 §4.4) with {@code client_secret_basic} (§2.3.1:
     * id and secret form-urlencoded, then Base64) — also how the ERP side gets its cloud realm token.
     */
    public static HttpRequest clientCredentialsRequest(
            String tokenUrl, String clientId, String secret, Duration timeout) {
        String basic = Base64.getEncoder()
                .encodeToString((form(clientId) + ":" + form(secret)).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(tokenUrl))
                .timeout(timeout)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
    }

    static Outcome interpret(int status, String body, String secret) {
        JsonObject json = Jsonp.object(body).orElse(null);
        if (status == 200 && json != null && json.get("access_token") instanceof jakarta.json.JsonString) {
            String type = json.containsKey("token_type")
                    ? json.get("token_type").toString().replace("\"", "")
                    : "?";
            String expiry =
                    json.get("expires_in") instanceof jakarta.json.JsonNumber n ? n.longValue() + " s" : "unknown";
            return new Outcome(
                    true,
                    "Connection OK: the token endpoint issued a token (type " + safe(type, secret) + ", valid for "
                            + expiry + ").");
        }
        if (json != null && json.get("error") instanceof jakarta.json.JsonString error) {
            String description = json.get("error_description") instanceof jakarta.json.JsonString d
                    ? " (" + safe(d.getString(), secret) + ")"
                    : "";
            String hint = switch (error.getString()) {
                case "invalid_client" -> " Check the Client-ID and the Client-Secret.";
                case "unauthorized_client" ->
                    " The application is not allowed to use client credentials, or is deactivated.";
                case "invalid_scope" -> " The application lacks a required scope.";
                default -> "";
            };
            return new Outcome(
                    false,
                    "The token endpoint refused the credentials: " + safe(error.getString(), secret) + description + "."
                            + hint);
        }
        return new Outcome(false, "Unexpected answer from the token endpoint: HTTP " + status + ".");
    }

    /** Text from the remote side: printable, short, and never echoing the secret. */
    private static String safe(String text, String secret) {
        String cleaned = text.replaceAll("\\p{Cntrl}", " ");
        if (secret != null && !secret.isEmpty()) {
            cleaned = cleaned.replace(secret, "***");
        }
        return cleaned.length() > 200 ? cleaned.substring(0, 200) + "…" : cleaned;
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }
}
