package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The GraphQL-Server service (start/stop, 503, the endpoint URL in the event log, the
 * interactive flag by edition) and the limits of /graphql: depth, request size, request rate
 * per application, bounded introspection.
 */
@ExtendWith(ArquillianExtension.class)
class GraphqlLimitsIT {

    static final String QUERY = GraphqlAccessIT.QUERY;

    static String token;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItEnv.ear();
    }

    @BeforeAll
    static void client() {
        token = Fixtures.token(Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), null));
    }

    private static String code(Http.Res r) {
        return r.json()
                .getJsonArray("errors")
                .getJsonObject(0)
                .getJsonObject("extensions")
                .getString("code");
    }

    @Test
    void stoppingTheServiceAnswers503UntilItIsStartedAgain() {
        JsonObject before =
                Http.get("/api/admin/services/graphql-server", Http.admin()).json();
        assertTrue(before.getBoolean("running"), before.toString());
        assertEquals(ItEnv.baseUrl().replace("127.0.0.1", "localhost") + "/graphql", before.getString("endpointUrl"));
        try {
            Http.Res stopped = Http.json("POST", "/api/admin/services/graphql-server/stop", Http.admin(), "");
            assertEquals(200, stopped.status(), stopped.body());
            assertFalse(stopped.json().getBoolean("running"));
            Http.Res refused = Http.graphql(token, QUERY);
            assertEquals(503, refused.status(), refused.body());
            assertEquals("SERVICE_STOPPED", code(refused));
            assertNotNull(refused.header("Retry-After"));
            assertTrue(Http.get("/api/admin/events?type=AUTOMATION_STOPPED", Http.admin())
                            .json()
                            .getInt("total")
                    >= 1);
        } finally {
            Http.Res started = Http.json("POST", "/api/admin/services/graphql-server/start", Http.admin(), "");
            assertEquals(200, started.status(), started.body());
        }
        assertEquals(200, Http.graphql(token, QUERY).status());
        JsonObject event = Http.get("/api/admin/events?type=AUTOMATION_STARTED", Http.admin())
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
        assertEquals(
                "Automatisierungsaufgabe aktiviert: GraphQL-Server, Endpunkt " + before.getString("endpointUrl"),
                event.getString("message"));
        assertEquals(
                401,
                Http.json("POST", "/api/admin/services/graphql-server/stop", null, "")
                        .status());
        assertEquals(
                403,
                Http.json("POST", "/api/admin/services/graphql-server/stop", Http.bearer(token), "")
                        .status());
    }

    @Test
    void theInteractiveFlagFollowsTheEdition() {
        String edition = Http.get("/api/admin/licence", Http.admin()).json().getString("edition");
        Http.Res on = Http.json("PUT", "/api/admin/services/graphql-server", Http.admin(), "{\"interactive\":true}");
        if (edition.equals("ENTERPRISE")) {
            assertEquals(200, on.status(), on.body());
            assertTrue(on.json().getBoolean("interactive"));
            assertEquals(
                    200,
                    Http.json("PUT", "/api/admin/services/graphql-server", Http.admin(), "{\"interactive\":false}")
                            .status());
        } else {
            assertEquals(403, on.status(), on.body());
            assertTrue(on.body().contains("Enterprise"), on.body());
        }
        assertEquals(
                400,
                Http.json("PUT", "/api/admin/services/graphql-server", Http.admin(), "{\"interactiv\":true}")
                        .status());
        assertEquals(
                400,
                Http.json("PUT", "/api/admin/services/graphql-server", Http.admin(), "{}")
                        .status());
    }

    @Test
    void tooDeepQueriesAndTooLargeRequestsAreRefused() {
        String deep = "{ tblPostalAddresses { rowRead(kf1AdrNr: {string: \"10000\"}) "
                + "{ rowAdrNr { lnkPostalAddresses { rowsRead ".repeat(5) + "{ fldAdrNr }" + " } } }".repeat(5)
                + " } }";
        Http.Res tooDeep = Http.graphql(token, deep);
        assertEquals(200, tooDeep.status(), tooDeep.body());
        String message = tooDeep.json().getJsonArray("errors").getJsonObject(0).getString("message");
        assertTrue(message.toLowerCase().contains("depth"), message);
        assertFalse(tooDeep.body().contains("\"rowRead\":{"), "nothing was executed");

        String padding = "x".repeat(70_000);
        Http.Res tooLarge = Http.json(
                "POST",
                "/graphql",
                Http.bearer(token),
                Json.createObjectBuilder()
                        .add("query", "# " + padding + "\n" + QUERY)
                        .build()
                        .toString());
        assertEquals(413, tooLarge.status(), tooLarge.body());
        assertEquals("REQUEST_TOO_LARGE", code(tooLarge));
    }

    @Test
    void introspectionWorksOnceButNotInBadFaith() {
        Http.Res types = Http.graphql(token, "{ __schema { types { name } } }");
        assertEquals(200, types.status());
        assertTrue(types.body().contains("AddressFastAnyFields"), "generated types are introspectable");
        Http.Res greedy = Http.graphql(token, "{ a: __schema { types { name } } b: __schema { types { name } } }");
        assertTrue(greedy.json().containsKey("errors"), greedy.body());
        Http.Res sdl = Http.get("/graphql/schema.graphql", Http.bearer(token));
        assertEquals(200, sdl.status());
        assertTrue(sdl.body().contains("input AddressFastFilter"), "the SDL is served");
    }

    @Test
    void oneApplicationIsLimitedToItsRateWithRetryAfter() throws Exception {
        String own = Fixtures.token(Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), null));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Http.Res>> answers = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                answers.add(pool.submit(() -> Http.graphql(own, "{ __typename }")));
            }
            int limited = 0;
            int ok = 0;
            for (Future<Http.Res> f : answers) {
                Http.Res r = f.get();
                if (r.status() == 429) {
                    limited++;
                    assertEquals("RATE_LIMITED", code(r));
                    assertTrue(Integer.parseInt(r.header("Retry-After")) >= 1);
                } else {
                    assertEquals(200, r.status(), r.body());
                    ok++;
                }
            }
            assertTrue(ok >= 100, "the burst passes: " + ok);
            assertTrue(limited > 0, "the rest is limited: " + limited + " of 400");
            assertEquals(200, Http.graphql(token, QUERY).status(), "other applications are not affected");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyRegisteredOriginsOfPublicClientsGetCors() {
        String edition = Http.get("/api/admin/licence", Http.admin()).json().getString("edition");
        String spa = "https://" + Fixtures.unique("spa").toLowerCase() + ".example.com";
        if (edition.equals("ENTERPRISE")) {
            Http.Res app = Http.json(
                    "POST",
                    "/api/admin/applications",
                    Http.admin(),
                    Json.createObjectBuilder()
                            .add("name", Fixtures.unique("SPA "))
                            .add("kind", "OWN")
                            .add("clientType", "PUBLIC")
                            .add("user", Fixtures.graphqlUser())
                            .add("redirectUris", Json.createArrayBuilder().add(spa + "/callback"))
                            .add("scopes", Json.createArrayBuilder().add("graphql"))
                            .build()
                            .toString());
            assertEquals(201, app.status(), app.body());
            Http.Res preflight = Http.bytesWithHeaders(
                    "OPTIONS",
                    "/graphql",
                    Map.of(
                            "Origin",
                            spa,
                            "Access-Control-Request-Method",
                            "POST",
                            "Access-Control-Request-Headers",
                            "authorization,content-type,dpop"),
                    "text/plain",
                    new byte[0]);
            assertEquals(204, preflight.status(), preflight.body());
            assertEquals(spa, preflight.header("Access-Control-Allow-Origin"));
            assertTrue(preflight.header("Access-Control-Allow-Headers").contains("Authorization"));
            assertTrue(preflight.header("Access-Control-Allow-Headers").contains("DPoP"), "RFC 9449 proofs");
            Http.Res call = Http.bytesWithHeaders(
                    "POST",
                    "/graphql",
                    Map.of("Origin", spa, "Authorization", Http.bearer(token)),
                    "application/json",
                    Json.createObjectBuilder()
                            .add("query", QUERY)
                            .build()
                            .toString()
                            .getBytes());
            assertEquals(200, call.status(), call.body());
            assertEquals(spa, call.header("Access-Control-Allow-Origin"));
            assertTrue(call.header("Access-Control-Expose-Headers").contains("DPoP-Nonce"));
        }
        String foreign = "https://evil.example.net";
        Http.Res refused = Http.bytesWithHeaders(
                "OPTIONS",
                "/graphql",
                Map.of("Origin", foreign, "Access-Control-Request-Method", "POST"),
                "text/plain",
                new byte[0]);
        assertEquals(403, refused.status());
        assertEquals(null, refused.header("Access-Control-Allow-Origin"));
        Http.Res call = Http.bytesWithHeaders(
                "POST",
                "/graphql",
                Map.of("Origin", foreign, "Authorization", Http.bearer(token)),
                "application/json",
                Json.createObjectBuilder()
                        .add("query", QUERY)
                        .build()
                        .toString()
                        .getBytes());
        assertEquals(200, call.status(), "the server answers; the browser withholds it");
        assertEquals(null, call.header("Access-Control-Allow-Origin"));
    }
}
