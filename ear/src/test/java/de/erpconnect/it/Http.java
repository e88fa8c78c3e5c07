package de.erpconnect.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A small HTTP client for the black-box tests (JDK HttpClient, no redirects followed). */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** A response with its body as text. */
    record Res(int status, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst()
                    .orElse(null);
        }

        List<String> headerValues(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .toList();
        }

        JsonObject json() {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                return r.readObject();
            }
        }

        JsonValue jsonValue() {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                return r.readValue();
            }
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private Http() {}

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String admin() {
        return basic("admin", ItEnv.adminPassword());
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    static Res get(String path, String authorization) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(ItEnv.baseUrl() + path)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b);
    }

    static Res delete(String path, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(ItEnv.baseUrl() + path))
                .DELETE()
                .header("Authorization", authorization));
    }

    static Res json(String method, String path, String authorization, String body) {
        return bytes(method, path, authorization, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    static Res bytes(String method, String path, String authorization, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(ItEnv.baseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b);
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Res bytesWithHeaders(
            String method, String path, Map<String, String> headers, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(ItEnv.baseUrl() + path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType);
        headers.forEach(b::header);
        return send(b);
    }

    static Res token(String authorization, String formBody) {
        return bytes(
                "POST",
                "/oauth2/token",
                authorization,
                "application/x-www-form-urlencoded",
                formBody.getBytes(StandardCharsets.UTF_8));
    }

    static Res graphql(String token, String query) {
        return json(
                "POST",
                "/graphql",
                token == null ? null : bearer(token),
                Json.createObjectBuilder().add("query", query).build().toString());
    }

    private static Res send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r =
                    CLIENT.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            return new Res(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
