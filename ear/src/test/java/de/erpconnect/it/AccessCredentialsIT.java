package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "Zugangsdaten" over the admin REST API (DESIGN §8): numbering, one active record per kind —
 * also under 20 concurrent activations — the secret never in a response, and "Testen" against this
 * server's own token endpoint (the test kind ERP_CONNECT). Further test kinds: PARALLEL and ONE_ACTIVE
 * (no endpoint) and TEST_UNREACHABLE (a closed local port).
 */
@ExtendWith(ArquillianExtension.class)
class AccessCredentialsIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItEnv.ear();
    }

    static JsonObject create(String body) {
        Http.Res r = Http.json("POST", "/api/admin/credentials", Http.admin(), body);
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    /**
     * An inactive record of the Art "ERP Connect" (token endpoint: this server's) holding an
     * application's client id and secret; its number.
     */
    static int credentialFor(JsonObject app) {
        return create(credential("ERP_CONNECT", false, app.getString("clientId"), app.getString("clientSecret")))
                .getInt("number");
    }

    static String credential(String kind, boolean active, String clientId, String secret) {
        return "{\"kind\":\"" + kind + "\",\"active\":" + active + ",\"clientId\":\"" + clientId
                + "\",\"clientSecret\":\"" + Secrets.note(secret) + "\",\"info\":\"Testdaten\"}";
    }

    /** Every test starts with no active record of the kinds it uses (earlier runs may have left some). */
    static void deactivateAll(String kind) {
        Http.Res list = Http.get("/api/admin/credentials?size=200&q=" + kind.toLowerCase(), Http.admin());
        for (JsonObject c : list.json().getJsonArray("items").getValuesAs(JsonObject.class)) {
            if (c.getString("kind").equals(kind) && c.getBoolean("active")) {
                Fixtures.put("/api/admin/credentials/" + c.getInt("number"), "{\"active\":false}");
            }
        }
    }

    @Test
    void numbersAreProposedUniqueAndFixed() {
        Http.Res template = Http.get("/api/admin/credentials/new", Http.admin());
        assertEquals(200, template.status(), template.body());
        assertEquals("MICROTECH_CLOUD", template.json().getString("kind"), "microtech Cloud is preselected");
        assertEquals("microtech Cloud", template.json().getString("name"));
        int proposed = template.json().getInt("number");

        Http.Res created = Http.json(
                "POST",
                "/api/admin/credentials",
                Http.admin(),
                credential("MICROTECH_CLOUD", false, "id-1", Fixtures.unique("s-")));
        assertEquals(201, created.status(), created.body());
        JsonObject first = created.json();
        assertEquals(proposed, first.getInt("number"), "the proposed number is the next free one");
        assertEquals(ItEnv.issuer() + "/api/admin/credentials/" + proposed, created.header("Location"));
        assertEquals("microtech Cloud", first.getString("name"), "Bezeichnung prefilled from the Art");
        assertEquals(
                proposed + 1,
                create(credential("MICROTECH_CLOUD", false, "id-2", Fixtures.unique("s-")))
                        .getInt("number"));

        int chosen = 900_000 + (int) (System.nanoTime() % 90_000);
        JsonObject explicit =
                create("{\"number\":" + chosen + ",\"active\":false,\"clientId\":\"x\",\"clientSecret\":\""
                        + Secrets.note(Fixtures.unique("s-")) + "\"}");
        assertEquals(chosen, explicit.getInt("number"));
        Http.Res duplicate = Http.json(
                "POST",
                "/api/admin/credentials",
                Http.admin(),
                "{\"number\":" + chosen + ",\"active\":false,\"clientId\":\"x\",\"clientSecret\":\"y-"
                        + Secrets.note(Fixtures.unique("s-")) + "\"}");
        assertEquals(409, duplicate.status(), duplicate.body());
        assertEquals(
                "The number " + chosen + " is already taken by other access credentials.",
                duplicate.json().getString("detail"));
        Http.Res renumber =
                Http.json("PUT", "/api/admin/credentials/" + chosen, Http.admin(), "{\"number\":" + (chosen + 1) + "}");
        assertEquals(400, renumber.status(), renumber.body());
    }

    @Test
    void theSecretIsNeverShownAndKeptUnlessReplaced() {
        String secret = Fixtures.unique("geheim-");
        JsonObject created = create(credential("MICROTECH_CLOUD", false, "client-x", secret));
        int number = created.getInt("number");
        assertFalse(created.containsKey("clientSecret"));
        Http.Res get = Http.get("/api/admin/credentials/" + number, Http.admin());
        Http.Res list = Http.get("/api/admin/credentials?size=200", Http.admin());
        Http.Res put = Http.json("PUT", "/api/admin/credentials/" + number, Http.admin(), "{\"name\":\"Umbenannt\"}");
        for (Http.Res r : List.of(get, list, put)) {
            assertEquals(200, r.status(), r.body());
            assertFalse(r.body().contains(secret), "no response contains the secret");
            assertFalse(r.body().contains("clientSecret"), r.body());
        }
        assertEquals("Umbenannt", put.json().getString("name"));
        assertEquals("client-x", put.json().getString("clientId"));
        assertEquals("Testdaten", put.json().getString("info"));
    }

    @Test
    void onlyOneRecordPerKindIsActiveAndSwitchingIsExplicit() {
        deactivateAll("ONE_ACTIVE");
        JsonObject a = create(credential("ONE_ACTIVE", true, "a", Fixtures.unique("s-")));
        assertTrue(a.getBoolean("active"));
        Http.Res second = Http.json(
                "POST",
                "/api/admin/credentials",
                Http.admin(),
                credential("ONE_ACTIVE", true, "b", Fixtures.unique("s-")));
        assertEquals(409, second.status(), second.body());
        assertTrue(second.json().getString("detail").contains("(number " + a.getInt("number") + ")"), second.body());

        JsonObject b = create(credential("ONE_ACTIVE", false, "b", Fixtures.unique("s-")));
        Http.Res activate =
                Http.json("PUT", "/api/admin/credentials/" + b.getInt("number"), Http.admin(), "{\"active\":true}");
        assertEquals(409, activate.status(), activate.body());
        assertTrue(
                Http.get("/api/admin/credentials/" + a.getInt("number"), Http.admin())
                        .json()
                        .getBoolean("active"),
                "never a silent switch");

        Fixtures.put("/api/admin/credentials/" + a.getInt("number"), "{\"active\":false}");
        Fixtures.put("/api/admin/credentials/" + b.getInt("number"), "{\"active\":true}");
        assertTrue(Http.get("/api/admin/credentials/" + b.getInt("number"), Http.admin())
                .json()
                .getBoolean("active"));
    }

    @Test
    void twentyConcurrentActivationsLeaveExactlyOneActive() throws Exception {
        deactivateAll("PARALLEL");
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            numbers.add(create(credential("PARALLEL", false, "p" + i, Fixtures.unique("s-")))
                    .getInt("number"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int n : numbers) {
            results.add(pool.submit(() -> {
                start.await();
                return Http.json("PUT", "/api/admin/credentials/" + n, Http.admin(), "{\"active\":true}")
                        .status();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : results) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(19, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        long active = 0;
        for (int n : numbers) {
            if (Http.get("/api/admin/credentials/" + n, Http.admin()).json().getBoolean("active")) {
                active++;
            }
        }
        assertEquals(1, active);
    }

    /**
     * Twenty creations of an active record of one kind at the same moment, each taking the next
     * free number: one 201, nineteen 409 — the database's rules (one active per kind, unique
     * numbers) decide, and the losers hear what a sequential request would, never a 500.
     */
    @Test
    void twentyConcurrentCreationsOfAnActiveRecordAreOneCreatedAndConflicts() throws Exception {
        deactivateAll("ONE_ACTIVE");
        String body = credential("ONE_ACTIVE", true, "race", Fixtures.unique("s-"));
        Races.oneCreatedOthersConflict(20, () -> Http.json("POST", "/api/admin/credentials", Http.admin(), body));
        deactivateAll("ONE_ACTIVE");
    }

    @Test
    void testenSucceedsAgainstOurOwnTokenEndpoint() {
        JsonObject app = Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), null);
        int number = credentialFor(app);
        JsonObject result = test(number);
        assertTrue(result.getBoolean("ok"), result.toString());
        assertEquals(
                "Connection OK: the token endpoint issued a token (type Bearer, valid for 300 s).",
                result.getString("message"));

        Http.Res events =
                Http.get("/api/admin/events?type=CREDENTIAL_TESTED&q=credentials%20" + number + "%20", Http.admin());
        assertEquals(1, events.json().getInt("total"), events.body());
        assertTrue(events.json()
                .getJsonArray("items")
                .getJsonObject(0)
                .getString("message")
                .contains(" ms: Connection OK"));

        String wrong = Secrets.note(Fixtures.unique("falsch-"));
        Fixtures.put("/api/admin/credentials/" + number, "{\"clientSecret\":\"" + wrong + "\"}");
        JsonObject refused = test(number);
        assertFalse(refused.getBoolean("ok"));
        assertEquals(
                "The token endpoint refused the credentials: invalid_client (Client authentication failed.)."
                        + " Check the Client-ID and the Client-Secret.",
                refused.getString("message"));

        Fixtures.put(
                "/api/admin/credentials/" + number, "{\"clientSecret\":\"" + app.getString("clientSecret") + "\"}");
        assertTrue(test(number).getBoolean("ok"), "the replaced secret is used");
    }

    @Test
    void testenReportsUnreachableAndUnconfiguredEndpoints() {
        int unreachable = create(credential("TEST_UNREACHABLE", false, "x", Fixtures.unique("s-")))
                .getInt("number");
        JsonObject result = test(unreachable);
        assertFalse(result.getBoolean("ok"));
        assertEquals(
                "The token endpoint http://127.0.0.1:9/token cannot be reached: connection refused.",
                result.getString("message"));

        int unconfigured = create(credential("PARALLEL", false, "x", Fixtures.unique("s-")))
                .getInt("number");
        JsonObject none = test(unconfigured);
        assertFalse(none.getBoolean("ok"));
        assertTrue(none.getString("message").startsWith("No token endpoint is configured for the kind 'Parallel'"));
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        long before =
                Http.get("/api/admin/credentials?size=1", Http.admin()).json().getInt("total");
        for (String body : List.of(
                "{\"clientId\":\"x\"}",
                "{\"clientId\":\"x\",\"clientSecret\":\"y\",\"number\":0}",
                "{\"clientId\":\"x\",\"clientSecret\":\"y\",\"number\":\"7\"}",
                "{\"clientId\":\"x\",\"clientSecret\":\"y\",\"kind\":\"NOPE\"}",
                "{\"clientId\":\"x\",\"clientSecret\":\"y\",\"secret\":\"z\"}",
                "{\"clientId\":\"x\",\"clientSecret\":\"y\",\"active\":\"ja\"}",
                "{\"clientId\":\"x\",\"clientSecret\":\"y\",\"info\":\"" + "x".repeat(4001) + "\"}",
                // U+0000 cannot even be stored by PostgreSQL: refused as input, never a 500
                "{\"clientId\":\"x\",\"clientSecret\":\"y\",\"name\":\"\\u0000\\u001f\"}",
                "{\"clientId\":\"x\\u0000\",\"clientSecret\":\"y\"}",
                "{\"clientId\":\"x\",\"clientSecret\":\"y\",\"info\":\"a\\u0000b\"}")) {
            Http.Res r = Http.json("POST", "/api/admin/credentials", Http.admin(), body);
            assertEquals(400, r.status(), body + " -> " + r.body());
            assertEquals("application/problem+json", r.header("Content-Type"));
        }
        JsonObject existing = create(credential("MICROTECH_CLOUD", false, "client-nul", Fixtures.unique("geheim-")));
        String path = "/api/admin/credentials/" + existing.getInt("number");
        for (String body : List.of("{\"name\":\"\\u0000\\u001f\"}", "{\"info\":\"\\u0000\"}")) {
            Http.Res r = Http.json("PUT", path, Http.admin(), body);
            assertEquals(400, r.status(), body + " -> " + r.body());
        }
        assertEquals(
                existing.getString("name"), Http.get(path, Http.admin()).json().getString("name"));
        assertEquals(
                existing.getString("info"), Http.get(path, Http.admin()).json().getString("info"));
        Http.Res lines = Http.json("PUT", path, Http.admin(), "{\"info\":\"Zeile 1\\nZeile 2\"}");
        assertEquals(200, lines.status(), lines.body());
        assertEquals("Zeile 1\nZeile 2", lines.json().getString("info"));
        before++;
        assertEquals(
                404, Http.get("/api/admin/credentials/999999", Http.admin()).status());
        assertEquals(400, Http.get("/api/admin/credentials/abc", Http.admin()).status());
        assertEquals(
                before,
                Http.get("/api/admin/credentials?size=1", Http.admin()).json().getInt("total"));
    }

    static JsonObject test(int number) {
        Http.Res r = Http.json("POST", "/api/admin/credentials/" + number + "/test", Http.admin(), "");
        assertEquals(200, r.status(), r.body());
        return r.json();
    }
}
