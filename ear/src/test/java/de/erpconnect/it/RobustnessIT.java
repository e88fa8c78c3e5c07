package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input at scale (issue "production readiness"): thousands of malformed token requests,
 * GraphQL documents (deep nesting, huge lists, invalid UTF-8, unknown fields) and admin REST
 * bodies, sent concurrently from a seeded generator. Every answer must be a 4xx or a success —
 * no 5xx, no request left hanging — and the server must answer normal requests afterwards. The
 * seed is printed; {@code -Dfuzz.seed=…} repeats a run.
 */
@ExtendWith(ArquillianExtension.class)
class RobustnessIT {

    private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());
    private static final int THREADS = 8;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItEnv.ear();
    }

    /** One generated request, with a short description for the failure report. */
    private record Probe(String what, HttpRequest request) {}

    /** What a batch got back. */
    private record Tally(int sent, Map<Integer, Integer> statuses, List<String> failures, long millis) {}

    @Test
    void malformedOAuthRequestsGetClientErrorsOnly() {
        JsonObject app = Fixtures.application(Fixtures.graphqlUser(), List.of("graphql", "offline_access"), null);
        String clientId = app.getString("clientId");
        Random random = new Random(SEED);
        Tally tally = run("oauth", 2000, i -> {
            Random r = new Random(random.nextLong());
            String[] paths = {"/oauth2/token", "/oauth2/token", "/oauth2/token", "/oauth2/introspect", "/oauth2/revoke"
            };
            if (r.nextInt(8) == 0) {
                String query = new String(formBody(r, clientId), StandardCharsets.ISO_8859_1);
                return new Probe(
                        "GET /oauth2/authorize?" + shorten(query),
                        request("/oauth2/authorize?" + urlSafe(query)).GET().build());
            }
            String path = paths[r.nextInt(paths.length)];
            byte[] body = formBody(r, clientId);
            HttpRequest.Builder b = request(path);
            String type = pick(r, FORM_TYPES);
            if (type != null) {
                b.header("Content-Type", type);
            }
            String auth = authorization(r, clientId);
            if (auth != null) {
                b.header("Authorization", auth);
            }
            String method = r.nextInt(20) == 0 ? pick(r, "PUT", "DELETE", "PATCH") : "POST";
            b.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
            return new Probe(
                    method + " " + path + " " + shorten(new String(body, StandardCharsets.ISO_8859_1)), b.build());
        });
        assertNoServerErrors(tally);
        stillHealthy();
    }

    @Test
    void malformedGraphqlDocumentsGetClientErrorsOnly() {
        // one application per 100 requests: the per-application rate limit (burst 100) stays out of the way
        List<String> tokens = new ArrayList<>();
        String user = Fixtures.graphqlUser();
        for (int i = 0; i < 15; i++) {
            tokens.add(Fixtures.token(Fixtures.application(user, List.of("graphql", "graphql.write"), null)));
        }
        Random random = new Random(SEED + 1);
        Tally tally = run("graphql", 1500, i -> {
            Random r = new Random(random.nextLong());
            byte[] body = graphqlBody(r);
            HttpRequest.Builder b = request("/graphql")
                    .header("Authorization", "Bearer " + tokens.get(i / 100 % tokens.size()))
                    .header("Content-Type", r.nextInt(10) == 0 ? pick(r, GRAPHQL_TYPES) : "application/json");
            if (r.nextInt(15) == 0) {
                String query = new String(body, StandardCharsets.ISO_8859_1);
                return new Probe(
                        "GET /graphql?query=" + shorten(query),
                        b.uri(URI.create(ItEnv.baseUrl() + "/graphql?query=" + urlSafe(query)))
                                .GET()
                                .build());
            }
            return new Probe(
                    "POST /graphql " + shorten(new String(body, StandardCharsets.ISO_8859_1)),
                    b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        });
        assertNoServerErrors(tally);
        int parsed = tally.sent() - tally.statuses().getOrDefault(429, 0);
        assertTrue(parsed > tally.sent() * 9 / 10, "most documents reached the parser: " + tally.statuses());
        stillHealthy();
    }

    @Test
    void malformedAdminBodiesGetClientErrorsOnly() {
        String admin = Fixtures.user(Map.of(), List.of("user", "admin"));
        JsonObject adminApp = Fixtures.application(admin, List.of("graphql", "admin"), null);
        String token = Fixtures.token(adminApp.getString("clientId"), adminApp.getString("clientSecret"), "admin");
        // the records the fuzz may change: its own, never the built-in admin
        String victim = Fixtures.graphqlUser();
        long app = Fixtures.application(victim, List.of("graphql"), null)
                .getJsonNumber("id")
                .longValue();
        Http.Res credential = Http.json(
                "POST",
                "/api/admin/credentials",
                Http.admin(),
                "{\"active\":false,\"kind\":\"PARALLEL\",\"clientId\":\"fuzz\",\"clientSecret\":\""
                        + Secrets.note("fuzz-secret-value") + "\"}");
        assertEquals(201, credential.status(), credential.body());
        int number = credential.json().getInt("number");
        String[][] targets = {
            {"POST", "/api/admin/users"},
            {"PUT", "/api/admin/users/" + victim},
            {"POST", "/api/admin/applications"},
            {"PUT", "/api/admin/applications/" + app},
            {"POST", "/api/admin/applications/" + app + "/secret"},
            {"POST", "/api/admin/credentials"},
            {"PUT", "/api/admin/credentials/" + number},
            {"POST", "/api/admin/activations"},
            {"PUT", "/api/admin/users/%00"},
            {"PUT", "/api/admin/applications/99999999999999999999999"},
            {"DELETE", "/api/admin/applications/-1"},
            {"DELETE", "/api/admin/credentials/abc"},
            {"GET", "/api/admin/users?page=-1&size=100000"},
            {"GET", "/api/admin/events?type=%FF&q=%C3%28"},
            {"GET", "/api/admin/grants?user=%00&application=x&revoked=maybe"},
        };
        Random random = new Random(SEED + 2);
        Tally tally = run("admin", 1500, i -> {
            Random r = new Random(random.nextLong());
            String[] target = targets[r.nextInt(targets.length)];
            byte[] body = target[0].equals("GET") || target[0].equals("DELETE") ? new byte[0] : jsonBody(r);
            HttpRequest.Builder b = request(target[1])
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", r.nextInt(10) == 0 ? pick(r, GRAPHQL_TYPES) : "application/json")
                    .method(target[0], HttpRequest.BodyPublishers.ofByteArray(body));
            return new Probe(
                    target[0] + " " + target[1] + " " + shorten(new String(body, StandardCharsets.ISO_8859_1)),
                    b.build());
        });
        assertNoServerErrors(tally);
        stillHealthy();
        assertEquals(
                200,
                Http.get("/api/admin/users/admin", Http.admin()).status(),
                "the built-in admin was never a target");
    }

    // --- the generators ---------------------------------------------------------------------

    private static final String[] FORM_TYPES = {
        "application/x-www-form-urlencoded",
        "application/x-www-form-urlencoded",
        "application/x-www-form-urlencoded;charset=UTF-8",
        "application/x-www-form-urlencoded; charset=ISO-8859-1",
        "application/x-www-form-urlencoded; charset=nonsense",
        "application/json",
        "text/plain",
        "multipart/form-data; boundary=xyz",
        "",
        null
    };

    private static final String[] GRAPHQL_TYPES = {
        "application/graphql", "text/plain", "application/json; charset=latin1", "application/xml", "", "*/*"
    };

    private static final String[] FORM_NAMES = {
        "grant_type", "client_id", "client_secret", "code", "code_verifier", "redirect_uri", "refresh_token",
        "scope", "token", "token_type_hint", "response_type", "state", "code_challenge", "code_challenge_method",
        "x", ""
    };

    private static byte[] formBody(Random r, String clientId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int parts = r.nextInt(8);
        for (int p = 0; p < parts; p++) {
            if (p > 0) {
                out.writeBytes(r.nextInt(15) == 0 ? "&&".getBytes() : "&".getBytes());
            }
            out.writeBytes(pick(r, FORM_NAMES).getBytes(StandardCharsets.US_ASCII));
            if (r.nextInt(12) != 0) {
                out.write('=');
            }
            out.writeBytes(formValue(r, clientId));
        }
        if (r.nextInt(40) == 0) {
            out.writeBytes(repeat("a=", 1 + r.nextInt(300_000)).getBytes()); // oversized
        }
        return out.toByteArray();
    }

    private static byte[] formValue(Random r, String clientId) {
        return switch (r.nextInt(16)) {
            case 0 -> new byte[0];
            case 1 -> "client_credentials".getBytes();
            case 2 ->
                pick(r, "authorization_code", "refresh_token", "password", "implicit", "urn:x")
                        .getBytes();
            case 3 -> clientId.getBytes();
            case 4 -> "%ZZ%".getBytes();
            case 5 -> "%C3%28%FF%FE%00".getBytes(); // invalid UTF-8 once decoded, a NUL
            case 6 -> new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, 0x00, 0x7F};
            case 7 -> repeat("x", 1 + r.nextInt(20_000)).getBytes();
            case 8 -> "https%3A%2F%2Fpartner.example.com%2Fcb%23frag".getBytes();
            case 9 -> "graphql%20offline_access%20admin%20%20unknown".getBytes();
            case 10 -> "%F0%9F%98%80%E2%80%AE".getBytes();
            case 11 -> "a=b=c".getBytes();
            case 12 -> randomBytes(r, 1 + r.nextInt(200));
            case 13 -> "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.".getBytes();
            case 14 -> "S256".getBytes();
            default -> "../../etc/passwd".getBytes();
        };
    }

    private static String authorization(Random r, String clientId) {
        Base64.Encoder b64 = Base64.getEncoder();
        return switch (r.nextInt(12)) {
            case 0, 1 -> null;
            case 2 -> "Basic " + b64.encodeToString((clientId + ":wrong-" + r.nextInt()).getBytes());
            case 3 -> "Basic " + b64.encodeToString("no-colon".getBytes());
            case 4 -> "Basic !!!not-base64***";
            case 5 -> "Basic " + b64.encodeToString(new byte[] {(byte) 0xC3, 0x28, ':', (byte) 0xFF});
            case 6 -> "Basic " + b64.encodeToString(":".getBytes());
            case 7 -> "Bearer " + repeat("a", 1 + r.nextInt(6000));
            case 8 -> "Basic";
            case 9 -> "Digest username=\"x\"";
            case 10 -> "Basic " + b64.encodeToString(("%ZZ:%C3%28").getBytes());
            default -> "Basic " + b64.encodeToString((repeat("c", 3000) + ":" + repeat("s", 3000)).getBytes());
        };
    }

    private static byte[] graphqlBody(Random r) {
        String query = switch (r.nextInt(19)) {
            case 0 -> "{" + repeat(" tblAddresses {", 200 + r.nextInt(3000)) + " __typename " + repeat("}", 200) + "}";
            case 1 -> "{ __typename(x: " + repeat("[", 2000 + r.nextInt(20_000)) + "1" + repeat("]", 100) + ") }";
            case 2 -> "{ __typename(x: [" + repeat("1,", 100_000 + r.nextInt(200_000)) + "1]) }";
            case 3 -> "{" + aliases(5_000 + r.nextInt(20_000)) + "}";
            case 4 ->
                "{ tblAddresses { rowsRead(first: " + pick(r, "-1", "0", "2147483648", "99999999999999999999", "\"x\"")
                        + ") { edges { node { fldAdrNr } } } } }";
            case 5 -> "{ unknownField { nothing } }";
            case 6 -> "mutation { tblAddresses { rowCreate(input: {fldUnknown: 1}) { fldAdrNr } } }";
            case 7 -> "query Q($v: Int) { tblAddresses { rowRead(fldAdrNr: $v) { fldAdrNr } } }";
            case 8 -> GraphqlAccessIT.QUERY.replace("fldAdrNr }", "fldAdrNr fldAdrNr x: fldAdrNr fldNope }");
            case 9 -> "fragment F on Query { ...F } { ...F }";
            case 10 -> "subscription { x }";
            case 11 -> "{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }";
            case 12 -> "{ \"" + repeat("\\u0000", 100) + "\" }";
            case 13 -> "query " + repeat("(", 1000) + " {";
            case 14 ->
                "{ tblAddresses { rowsRead(filter: " + repeat("{and: [", 500 + r.nextInt(2000)) + "]"
                        + "}) { totalCount } } }";
            case 15 -> new String(randomBytes(r, 1 + r.nextInt(500)), StandardCharsets.ISO_8859_1);
            case 16 -> GraphqlAccessIT.QUERY.replace("10000", repeat("9", 5000));
            default -> "{ __typename }";
        };
        return switch (r.nextInt(10)) {
            case 0 -> query.getBytes(StandardCharsets.ISO_8859_1); // not JSON at all
            case 1 -> ("{\"query\":" + pick(r, "1", "[]", "null", "{}", "true") + "}").getBytes();
            case 2 -> withInvalidUtf8(jsonQuery(query, "null"));
            case 3 ->
                jsonQuery(
                        query,
                        pick(
                                r,
                                "\"x\"",
                                "[1,2]",
                                "{\"v\":\"notanint\"}",
                                "{\"v\":1e400}",
                                nested(5_000 + r.nextInt(20_000))));
            case 4 ->
                ("{\"query\":\"{ __typename }\",\"operationName\":" + pick(r, "5", "\"missing\"", "[]") + "}")
                        .getBytes();
            case 5 -> ("{\"query\":\"{ __typename }\",\"extensions\":" + nested(3000) + "}").getBytes();
            case 6 -> ("{\"query\":\"{ __typename }\",\"query\":\"{ x }\",\"unknown\":true}").getBytes();
            case 7 -> new byte[0];
            default -> jsonQuery(query, "null");
        };
    }

    private static byte[] jsonBody(Random r) {
        String[] fields = {
            "login",
            "displayName",
            "password",
            "active",
            "graphqlAccess",
            "alwaysLogin",
            "roles",
            "permissions",
            "protectedFields",
            "name",
            "kind",
            "clientType",
            "user",
            "redirectUris",
            "scopes",
            "accessTokenSeconds",
            "refreshTokenSeconds",
            "grantLifetimeSeconds",
            "graceSeconds",
            "number",
            "clientId",
            "clientSecret",
            "info",
            "key",
            "interactive",
            "unknown"
        };
        String[] values = {
            "null",
            "true",
            "5",
            "-1",
            "0",
            "1e400",
            "99999999999999999999999",
            "2147483648",
            "\"\"",
            "\"x\"",
            "\"" + repeat("y", 5000) + "\"",
            "\"\\u0000\\u001f\"",
            "\"\\ud800\"",
            "[]",
            "[null]",
            "[1,\"a\",{}]",
            "{}",
            "{\"tblAddresses\":\"read\"}",
            "{\"tblNope\":[\"read\"]}",
            "[\"https://*.example.com\"]",
            "[\"graphql\",\"graphql\"]",
            "\"OWN\"",
            "\"PUBLIC\"",
            "\"Aa1!aaaaaa\"",
            "\"admin\"",
            "\"MICROTECH_CLOUD\""
        };
        return switch (r.nextInt(12)) {
            case 0 -> new byte[0];
            case 1 -> "{".getBytes();
            case 2 -> "[1,2,3]".getBytes();
            case 3 -> nested(3_000 + r.nextInt(30_000)).getBytes();
            case 4 -> withInvalidUtf8("{\"displayName\":\"abc\"}".getBytes());
            case 5 -> "{\"login\":\"a\",\"login\":\"b\"}".getBytes();
            case 6 -> randomBytes(r, 1 + r.nextInt(300));
            case 7 -> ("{\"name\":\"" + repeat("z", 300_000) + "\"}").getBytes();
            default -> {
                StringBuilder json = new StringBuilder("{");
                int n = 1 + r.nextInt(6);
                for (int f = 0; f < n; f++) {
                    json.append(f == 0 ? "" : ",")
                            .append('"')
                            .append(pick(r, fields))
                            .append("\":")
                            .append(pick(r, values));
                }
                yield json.append('}').toString().getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    private static String aliases(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(" a").append(i).append(": __typename");
        }
        return b.toString();
    }

    private static String nested(int depth) {
        return repeat("{\"a\":", depth) + "1" + repeat("}", depth);
    }

    private static byte[] jsonQuery(String query, String variables) {
        String escaped = query.replace("\\", "\\\\").replace("\"", "\\\"");
        StringBuilder safe = new StringBuilder();
        for (char c : escaped.toCharArray()) {
            safe.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return ("{\"query\":\"" + safe + "\",\"variables\":" + variables + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withInvalidUtf8(byte[] json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int middle = json.length / 2;
        out.write(json, 0, middle);
        out.writeBytes(new byte[] {(byte) 0xC3, 0x28, (byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xFF});
        out.write(json, middle, json.length - middle);
        return out.toByteArray();
    }

    private static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... choices) {
        return choices[r.nextInt(choices.length)];
    }

    private static String repeat(String s, int n) {
        return s.repeat(n);
    }

    /**
     * Percent-encodes what a URI cannot carry (a '%' only where it starts no escape, which the
     * JDK's URI refuses) and keeps the rest, invalid UTF-8 escapes included, as it is.
     */
    private static String urlSafe(String text) {
        String raw = text.length() > 2000 ? text.substring(0, 2000) : text; // at most 6,000 characters encoded
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean escape = c == '%'
                    && i + 2 < raw.length()
                    && Character.digit(raw.charAt(i + 1), 16) >= 0
                    && Character.digit(raw.charAt(i + 2), 16) >= 0;
            if (escape || (c > 0x20 && c < 0x7F && c != '%' && "\"<>\\^`{|}#".indexOf(c) < 0)) {
                b.append(c);
            } else {
                b.append(String.format("%%%02X", (int) c & 0xFF));
            }
        }
        return b.toString();
    }

    private static String shorten(String s) {
        String printable = s.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() > 120 ? printable.substring(0, 120) + "… (" + s.length() + " chars)" : printable;
    }

    // --- running and judging ----------------------------------------------------------------

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(ItEnv.baseUrl() + path)).timeout(REQUEST_TIMEOUT);
    }

    /** Sends {@code n} generated requests from {@value #THREADS} threads and tallies the answers. */
    private static Tally run(String name, int n, Function<Integer, Probe> generator) {
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        Probe probe = generator.apply(i);
                        try {
                            HttpResponse<String> response =
                                    CLIENT.send(probe.request(), HttpResponse.BodyHandlers.ofString());
                            statuses.merge(response.statusCode(), 1, Integer::sum);
                            if (response.statusCode() >= 500) {
                                failures.add(response.statusCode() + " for " + probe.what() + " -> "
                                        + shorten(response.body()));
                            }
                        } catch (HttpTimeoutException e) {
                            statuses.merge(-1, 1, Integer::sum);
                            failures.add("no answer within " + REQUEST_TIMEOUT.toSeconds() + " s: " + probe.what());
                        } catch (java.io.IOException e) {
                            // the server may close the connection on a request it refuses to read
                            statuses.merge(0, 1, Integer::sum);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        Tally tally = new Tally(n, new TreeMap<>(statuses), List.copyOf(failures), millis);
        System.out.printf(
                "fuzz %s: %d requests from %d threads, seed %d, %d ms; statuses %s (0 = connection closed by the"
                        + " server, -1 = no answer); server errors %d%n",
                name, n, THREADS, SEED, millis, tally.statuses(), failures.size());
        return tally;
    }

    private static void assertNoServerErrors(Tally tally) {
        assertTrue(
                tally.failures().isEmpty(),
                tally.failures().size() + " server errors or hung requests (seed " + SEED + "):\n"
                        + String.join(
                                "\n",
                                tally.failures()
                                        .subList(
                                                0, Math.min(20, tally.failures().size()))));
        int closed = tally.statuses().getOrDefault(0, 0);
        assertTrue(closed <= tally.sent() / 20, "the server closed " + closed + " connections without an answer");
    }

    /** After the storm: a token, a GraphQL read and an admin read work as usual. */
    private static void stillHealthy() {
        JsonObject app = Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), null);
        String token = Fixtures.token(app);
        Http.Res read = Http.graphql(token, GraphqlAccessIT.QUERY);
        assertEquals(200, read.status(), read.body());
        assertTrue(!read.json().containsKey("errors"), read.body());
        assertEquals(200, Http.get("/api/admin/users?size=1", Http.admin()).status());
    }
}
