package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin REST contract of DESIGN §10: shapes, status codes, problem JSON, and bad input. */
@ExtendWith(ArquillianExtension.class)
class AdminApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItEnv.ear();
    }

    private static JsonObject assertProblem(Http.Res r, int status) {
        assertEquals(status, r.status(), r.body());
        assertEquals("application/problem+json", r.header("Content-Type"));
        JsonObject p = r.json();
        assertEquals(status, p.getInt("status"));
        assertTrue(p.getString("type").startsWith("urn:erpconnect:problem:"), p.toString());
        assertFalse(p.getString("title").isEmpty());
        assertFalse(p.getString("detail").isEmpty());
        assertFalse(r.body().contains("Exception"), "no exception names reach the client: " + r.body());
        assertFalse(r.body().contains("\tat "), "no stack trace: " + r.body());
        return p;
    }

    private static String userJson(String login, String password) {
        return "{\"login\":\"" + login + "\",\"displayName\":\"Anna Berg\",\"password\":\"" + password
                + "\",\"active\":true,\"graphqlAccess\":true,\"alwaysLogin\":true,\"roles\":[\"user\"],"
                + "\"permissions\":{\"tblAddresses\":[\"read\",\"create\",\"modify\"]},\"protectedFields\":[\"fldKredLimit\"]}";
    }

    @Test
    void everyAdminResourceIsDescribedByOpenApi() {
        Http.Res doc = Http.get("/openapi?format=JSON", null);
        assertEquals(200, doc.status(), doc.body());
        jakarta.json.JsonObject paths = doc.json().getJsonObject("paths");
        for (String path : List.of(
                "/api/admin/users",
                "/api/admin/applications",
                "/api/admin/activations",
                "/api/admin/events",
                "/api/admin/services/graphql-server",
                "/api/admin/credentials")) {
            assertTrue(paths.containsKey(path), path + " in " + paths.keySet());
        }
    }

    @Test
    void createsAUserAsTheContractSays() {
        String login = Fixtures.unique("anna");
        Http.Res r =
                Http.json("POST", "/api/admin/users", Http.admin(), userJson(login, Secrets.note("Geheim!" + login)));
        assertEquals(201, r.status(), r.body());
        assertEquals(ItEnv.issuer() + "/api/admin/users/" + login, r.header("Location"));
        JsonObject u = r.json();
        assertEquals(login, u.getString("login"));
        assertEquals("Anna Berg", u.getString("displayName"));
        assertTrue(u.getBoolean("active") && u.getBoolean("graphqlAccess") && u.getBoolean("alwaysLogin"));
        assertEquals("[\"user\"]", u.getJsonArray("roles").toString());
        assertEquals(
                "{\"tblAddresses\":[\"read\",\"create\",\"modify\"]}",
                u.getJsonObject("permissions").toString());
        assertEquals("[\"fldKredLimit\"]", u.getJsonArray("protectedFields").toString());
        assertFalse(r.body().toLowerCase().contains("password"), r.body());

        Http.Res get = Http.get("/api/admin/users/" + login, Http.admin());
        assertEquals(200, get.status());
        assertEquals(u.getString("login"), get.json().getString("login"));

        Http.Res list = Http.get("/api/admin/users?q=" + login + "&page=0&size=5", Http.admin());
        assertEquals(200, list.status(), list.body());
        assertEquals(1, list.json().getInt("total"));
        assertEquals(login, list.json().getJsonArray("items").getJsonObject(0).getString("login"));
    }

    @Test
    void putWithoutPasswordKeepsItAndActiveFalseDeactivates() {
        String login = Fixtures.graphqlUser();
        Fixtures.put("/api/admin/users/" + login, "{\"displayName\":\"Neu\",\"active\":false}");
        JsonObject u = Http.get("/api/admin/users/" + login, Http.admin()).json();
        assertEquals("Neu", u.getString("displayName"));
        assertFalse(u.getBoolean("active"));
        Fixtures.put("/api/admin/users/" + login, "{\"active\":true}");
        JsonObject app = Fixtures.application(login, List.of("graphql"), null);
        Fixtures.token(app);
    }

    @Test
    void thePasswordPolicyNamesEveryBrokenRule() {
        Http.Res r = Http.json("POST", "/api/admin/users", Http.admin(), userJson(Fixtures.unique("p"), "kurz"));
        JsonObject p = assertProblem(r, 400);
        List<String> messages = p.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .peek(e -> assertEquals("password", e.getString("field")))
                .map(e -> e.getString("message"))
                .toList();
        assertEquals(
                List.of(
                        "The password must have at least 8 characters.",
                        "The password must contain an upper-case letter.",
                        "The password must contain a special character."),
                messages);
    }

    @Test
    void alwaysLoginCannotBeClearedWhileGraphqlAccessIsOn() {
        String login = Fixtures.graphqlUser();
        Http.Res r = Http.json("PUT", "/api/admin/users/" + login, Http.admin(), "{\"alwaysLogin\":false}");
        JsonObject p = assertProblem(r, 400);
        assertEquals("alwaysLogin", p.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertTrue(Http.get("/api/admin/users/" + login, Http.admin()).json().getBoolean("alwaysLogin"));
    }

    @Test
    void duplicatesMissingRecordsAndReferencedUsersAreClear() {
        String login = Fixtures.graphqlUser();
        assertProblem(Http.json("POST", "/api/admin/users", Http.admin(), userJson(login, "Geheim!2026x")), 409);
        assertProblem(Http.get("/api/admin/users/" + Fixtures.unique("nobody"), Http.admin()), 404);
        assertProblem(Http.get("/api/admin/applications/999999999", Http.admin()), 404);
        assertProblem(Http.get("/api/admin/applications/abc", Http.admin()), 400);
        Fixtures.application(login, List.of("graphql"), null);
        assertProblem(Http.delete("/api/admin/users/" + login, Http.admin()), 409);
        assertEquals(200, Http.get("/api/admin/users/" + login, Http.admin()).status(), "nothing was deleted");
    }

    @Test
    void usersWithoutApplicationsCanBeDeleted() {
        String login = Fixtures.graphqlUser();
        assertEquals(204, Http.delete("/api/admin/users/" + login, Http.admin()).status());
        assertProblem(Http.get("/api/admin/users/" + login, Http.admin()), 404);
    }

    @Test
    void applicationsShowTheirSecretOnlyOnce() {
        String user = Fixtures.graphqlUser();
        JsonObject app = Fixtures.application(user, List.of("graphql", "graphql.write"), null);
        assertTrue(app.getString("clientSecret").length() >= 43, "≥ 256 bits");
        assertTrue(app.getString("clientId").startsWith("ec-"));
        assertEquals("OWN", app.getString("kind"));
        assertEquals("CONFIDENTIAL", app.getString("clientType"));
        assertEquals(300, app.getInt("accessTokenSeconds"));
        assertEquals(86400, app.getInt("refreshTokenSeconds"));

        Http.Res get = Http.get("/api/admin/applications/" + app.getInt("id"), Http.admin());
        assertEquals(200, get.status());
        assertFalse(get.json().containsKey("clientSecret"), get.body());
        assertFalse(get.body().contains(app.getString("clientSecret")));
        Http.Res list = Http.get("/api/admin/applications?size=200", Http.admin());
        assertEquals(200, list.status());
        assertTrue(list.json().getInt("total") >= 1);
        assertFalse(list.body().contains("clientSecret"), "the overview shows no secret");
    }

    @Test
    void redirectUrisAreValidatedWithAClearMessage() {
        String user = Fixtures.graphqlUser();
        Http.Res r = Http.json(
                "POST",
                "/api/admin/applications",
                Http.admin(),
                "{\"name\":\"X\",\"user\":\"" + user + "\",\"scopes\":[\"graphql\"],"
                        + "\"redirectUris\":[\"https://*.example.com/cb\"]}");
        JsonObject p = assertProblem(r, 400);
        assertEquals("redirectUris", p.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertTrue(
                p.getJsonArray("errors").getJsonObject(0).getString("message").contains("Wildcards"));

        Http.Res ip = Http.json(
                "POST",
                "/api/admin/applications",
                Http.admin(),
                "{\"name\":\"X\",\"user\":\"" + user + "\",\"scopes\":[\"graphql\"],"
                        + "\"redirectUris\":[\"http://10.0.0.1/cb\"]}");
        assertProblem(ip, 400);
        assertProblem(
                Http.json(
                        "POST",
                        "/api/admin/applications",
                        Http.admin(),
                        "{\"name\":\"X\",\"user\":\"" + user + "\",\"scopes\":[\"admin\",\"graphql\"]}"),
                400);
    }

    @Test
    void badInputIsA4xxAndChangesNothing() {
        long before = Http.get("/api/admin/users?size=1", Http.admin()).json().getInt("total");
        assertProblem(Http.json("POST", "/api/admin/users", Http.admin(), "{\"login\":"), 400);
        assertProblem(Http.json("POST", "/api/admin/users", Http.admin(), "[1,2]"), 400);
        assertProblem(
                Http.json(
                        "POST",
                        "/api/admin/users",
                        Http.admin(),
                        "{\"login\":\"x\",\"displayName\":\"X\",\"password\":\"Geheim!2026\",\"isAdmin\":true}"),
                400);
        assertProblem(
                Http.json(
                        "POST",
                        "/api/admin/users",
                        Http.admin(),
                        "{\"login\":\"x\",\"displayName\":\"X\",\"password\":\"Geheim!2026\",\"active\":\"ja\"}"),
                400);
        assertProblem(
                Http.json(
                        "POST",
                        "/api/admin/users",
                        Http.admin(),
                        "{\"login\":\"' OR 1=1 --\",\"displayName\":\"X\",\"password\":\"Geheim!2026\"}"),
                400);
        assertProblem(
                Http.json(
                        "POST",
                        "/api/admin/users",
                        Http.admin(),
                        "{\"login\":\"${jndi:ldap://evil.example/a}\",\"displayName\":\"X\",\"password\":\"Geheim!2026\"}"),
                400);
        assertProblem(
                Http.bytes(
                        "POST",
                        "/api/admin/users",
                        Http.admin(),
                        "application/json",
                        "{\"login\":\"x\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1)),
                400);
        assertProblem(
                Http.json("POST", "/api/admin/users", Http.admin(), "{\"displayName\":\"" + "x".repeat(70_000) + "\"}"),
                413);
        assertProblem(Http.bytes("POST", "/api/admin/users", Http.admin(), "text/plain", "x".getBytes()), 415);
        assertProblem(Http.get("/api/admin/users?sort=login", Http.admin()), 400);
        assertProblem(Http.get("/api/admin/users?size=100000", Http.admin()), 400);
        assertProblem(Http.get("/api/admin/users?page=eins", Http.admin()), 400);
        assertProblem(Http.json("POST", "/api/admin/users", Http.admin(), ""), 400);
        long after = Http.get("/api/admin/users?size=1", Http.admin()).json().getInt("total");
        assertEquals(before, after, "no user was created by bad input");
    }

    @Test
    void authenticationAndRolesOfTheAdminApi() {
        Http.Res none = Http.get("/api/admin/users", null);
        assertEquals(401, none.status());
        List<String> challenges = none.headerValues("WWW-Authenticate");
        assertTrue(challenges.contains("Bearer realm=\"ERP Connect\""), challenges.toString());
        assertTrue(
                challenges.stream().anyMatch(c -> c.startsWith("Basic realm=\"ERP Connect\"")), challenges.toString());

        assertEquals(
                401,
                Http.get("/api/admin/users", Http.basic("admin", "wrong-Passw0rd!"))
                        .status());
        String plain = Fixtures.graphqlUser();
        assertEquals(
                403,
                Http.get("/api/admin/users", Http.basic(plain, Fixtures.PASSWORD + plain))
                        .status());
        assertEquals(200, Http.get("/api/admin/users", Http.admin()).status());
    }

    /**
     * The authentication's refusals are answered whole, as JSON, concurrently and also when the
     * refused request's body (300 KB) is never read, to HTTP/1.1 clients and to clients that ask
     * for HTTP/2 (h2c upgrade): the server speaks HTTP/1.1 only (40-undertow.cli), and eight such
     * uploads on one HTTP/2 connection used to leave it answering nothing. A refusal that is not
     * the mechanism's (an authenticated caller without the role) is the container's small HTML
     * page; the error page itself is not an address. The server log must then hold no failed
     * request (SecretLeakIT): the mechanism once wrote these answers itself, and the container's
     * {@code sendError} afterwards now and then hit the committed response.
     */
    @Test
    void refusalsAreAnsweredWholeAlsoToHttp2Clients() throws Exception {
        byte[] large = new byte[300_000];
        Arrays.fill(large, (byte) 'x');
        String stranger = Fixtures.unique("nobody");
        List<HttpRequest.Builder> kinds = List.of(
                HttpRequest.newBuilder(URI.create(ItEnv.baseUrl() + "/api/admin/users")),
                HttpRequest.newBuilder(URI.create(ItEnv.baseUrl() + "/api/admin/users"))
                        .header("Authorization", "Bearer not-a-token")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(large)),
                HttpRequest.newBuilder(URI.create(ItEnv.baseUrl() + "/api/admin/users"))
                        .header("Authorization", Http.basic(stranger, "Falsch!2026"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"x\"}")));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (HttpClient.Version version : HttpClient.Version.values()) {
                HttpClient client = HttpClient.newBuilder().version(version).build();
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < 150; i++) {
                    HttpRequest request = kinds.get(i % kinds.size()).build();
                    answers.add(pool.submit(() -> client.send(request, HttpResponse.BodyHandlers.ofString())));
                }
                for (var answer : answers) {
                    HttpResponse<String> r = answer.get(60, TimeUnit.SECONDS);
                    String what = version + " " + r.request().method() + " -> " + r.statusCode() + " " + r.body();
                    assertEquals(HttpClient.Version.HTTP_1_1, r.version(), what);
                    assertTrue(r.statusCode() == 401 || r.statusCode() == 429, what);
                    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), what);
                    assertEquals(
                            "no-store", r.headers().firstValue("Cache-Control").orElse(null), what);
                    JsonObject body =
                            Json.createReader(new StringReader(r.body())).readObject();
                    assertTrue(
                            List.of("unauthorized", "invalid_token", "slow_down")
                                    .contains(body.getString("error")),
                            what);
                    assertFalse(body.getString("error_description").isBlank(), what);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(200, Http.get("/oauth2/jwks", null).status(), "the server still answers");

        String plain = Fixtures.graphqlUser();
        Http.Res notAdmin = Http.get("/api/admin/users", Http.basic(plain, Fixtures.PASSWORD + plain));
        assertEquals(403, notAdmin.status());
        assertTrue(notAdmin.header("Content-Type").startsWith("application/json"), notAdmin.toString());
        assertEquals("forbidden", notAdmin.json().getString("error"), notAdmin.body());

        Http.Res direct = Http.get("/error", null);
        assertEquals(404, direct.status());
        assertTrue(direct.header("Content-Type").startsWith("text/html"), direct.toString());
        assertTrue(direct.body().contains("Seite nicht gefunden"), direct.body());
    }

    /**
     * Twenty administrators create the same user at the same moment: one gets 201, the others the
     * 409 a sequential duplicate gets (the database's unique rule decides), never a 500.
     */
    @Test
    void aRaceForTheSameLoginIsAConflictNotAFailure() throws Exception {
        String login = Fixtures.unique("race");
        String body = "{\"login\":\"" + login + "\",\"displayName\":\"R\",\"password\":\""
                + Secrets.note("Geheim!2026r") + "\",\"roles\":[\"user\"]}";
        Races.oneCreatedOthersConflict(20, () -> Http.json("POST", "/api/admin/users", Http.admin(), body));
    }

    /** API paths answer JSON for every status; pages answer a page; neither ever shows a stack trace. */
    @Test
    void apiPathsAnswerJsonAndPagesAnswerPages() {
        for (String path : List.of(
                "/api/admin/nothing", "/oauth2/nothing", "/cloud/api/nothing", "/graphql/nothing", "/api/nothing")) {
            Http.Res r = Http.get(path, Http.admin());
            assertTrue(r.status() >= 400 && r.status() < 500, path + " " + r);
            assertTrue(r.header("Content-Type").startsWith("application/"), path + " " + r);
            assertTrue(r.header("Content-Type").contains("json"), path + " " + r);
            assertFalse(r.body().contains("Exception"), path + " " + r.body());
        }
        Http.Res wrongMethod = Http.json("DELETE", "/oauth2/token", null, "");
        assertEquals(405, wrongMethod.status(), wrongMethod.toString());
        assertTrue(wrongMethod.header("Content-Type").contains("json"), wrongMethod.toString());
        for (String path : List.of("/gibt-es-nicht", "/gibt-es-nicht.xhtml", "/cloud/gibt-es-nicht.xhtml")) {
            Http.Res r = Http.get(path, Http.admin());
            assertEquals(404, r.status(), path);
            assertTrue(r.header("Content-Type").startsWith("text/html"), path + " " + r);
            assertTrue(r.body().contains("Seite nicht gefunden"), path + " " + r.body());
            assertTrue(r.body().contains("/login.css"), "in the product's style");
        }
    }

    @Test
    void theEventLogRecordsAdministration() {
        String login = Fixtures.graphqlUser();
        Http.Res r = Http.get("/api/admin/events?type=USER_CREATED&q=" + login, Http.admin());
        assertEquals(200, r.status(), r.body());
        assertEquals(1, r.json().getInt("total"));
        JsonObject e = r.json().getJsonArray("items").getJsonObject(0);
        assertEquals("admin", e.getString("actor"));
        assertEquals("User '" + login + "' created.", e.getString("message"));
        assertProblem(Http.get("/api/admin/events?type=NOPE", Http.admin()), 400);
        // a search text or path segment with a control character: refused before the database
        assertProblem(Http.get("/api/admin/events?q=a%00b", Http.admin()), 400);
        assertProblem(Http.get("/api/admin/users/a%0Ab", Http.admin()), 400);
    }

    @Test
    void adminsAreAlsoAcceptedWithMapsOfRightsForAnyKnownTable() {
        Http.Res r = Http.json(
                "POST",
                "/api/admin/users",
                Http.admin(),
                "{\"login\":\"" + Fixtures.unique("t") + "\",\"displayName\":\"T\",\"password\":\""
                        + Secrets.note("Geheim!2026t") + "\",\"permissions\":{\"tblNope\":[\"read\"]}}");
        assertProblem(r, 400);
        Map<String, List<String>> ok = Map.of("tblProducts", List.of("read", "delete"));
        Fixtures.user(ok, List.of("user"));
    }
}
