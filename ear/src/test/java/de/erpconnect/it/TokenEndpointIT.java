package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The token endpoint's refusals, exactly as RFC 6749 §5.2 words them, and secret rotation. */
@ExtendWith(ArquillianExtension.class)
class TokenEndpointIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItEnv.ear();
    }

    private static void assertOAuthError(Http.Res r, int status, String error) {
        assertEquals(status, r.status(), r.body());
        assertEquals("no-store", r.header("Cache-Control"));
        assertTrue(r.header("Content-Type").startsWith("application/json"), r.header("Content-Type"));
        JsonObject body = r.json();
        assertEquals(error, body.getString("error"), r.body());
        assertTrue(body.getString("error_description").length() > 5);
        assertEquals(2, body.size(), "only error and error_description: " + r.body());
    }

    @Test
    void wrongSecretIsInvalidClientWithAChallenge() {
        JsonObject app = Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), null);
        Http.Res r = Http.token(Http.basic(app.getString("clientId"), "wrong-secret"), "grant_type=client_credentials");
        assertOAuthError(r, 401, "invalid_client");
        assertEquals("Basic realm=\"ERP Connect\"", r.header("WWW-Authenticate"));
    }

    @Test
    void unknownClientGetsTheSameAnswerAsAWrongSecret() {
        Http.Res unknown = Http.token(Http.basic("ec-unknown", "whatever"), "grant_type=client_credentials");
        assertOAuthError(unknown, 401, "invalid_client");
        JsonObject app = Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), null);
        Http.Res wrong = Http.token(Http.basic(app.getString("clientId"), "whatever"), "grant_type=client_credentials");
        assertEquals(unknown.body(), wrong.body(), "the answer must not tell whether a client exists");
    }

    @Test
    void missingClientAuthenticationIsInvalidClient() {
        assertOAuthError(Http.token(null, "grant_type=client_credentials"), 401, "invalid_client");
        assertOAuthError(Http.token("Bearer abc", "grant_type=client_credentials"), 401, "invalid_client");
    }

    @Test
    void missingGrantTypeIsInvalidRequest() {
        JsonObject app = Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), null);
        assertOAuthError(
                Http.token(Http.basic(app.getString("clientId"), app.getString("clientSecret")), "scope=graphql"),
                400,
                "invalid_request");
    }

    @Test
    void unknownGrantTypesAreUnsupported() {
        JsonObject app = Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), null);
        String auth = Http.basic(app.getString("clientId"), app.getString("clientSecret"));
        assertOAuthError(Http.token(auth, "grant_type=password&username=a&password=b"), 400, "unsupported_grant_type");
        assertOAuthError(Http.token(auth, "grant_type=implicit"), 400, "unsupported_grant_type");
    }

    @Test
    void scopesOutsideTheApplicationAreInvalidScope() {
        JsonObject app = Fixtures.application(Fixtures.graphqlUser(), List.of("graphql", "offline_access"), null);
        String auth = Http.basic(app.getString("clientId"), app.getString("clientSecret"));
        assertOAuthError(Http.token(auth, "grant_type=client_credentials&scope=graphql.write"), 400, "invalid_scope");
        assertOAuthError(Http.token(auth, "grant_type=client_credentials&scope=admin"), 400, "invalid_scope");
        assertOAuthError(Http.token(auth, "grant_type=client_credentials&scope=offline_access"), 400, "invalid_scope");
        assertOAuthError(Http.token(auth, "grant_type=client_credentials&scope=unknown"), 400, "invalid_scope");
        Http.Res ok = Http.token(auth, "grant_type=client_credentials");
        assertEquals(200, ok.status(), ok.body());
        Secrets.note(ok.json().getString("access_token"));
        assertEquals("graphql", ok.json().getString("scope"), "offline_access is never granted here");

        // the partner app's one scope list for both grants: offline_access is left out, the rest granted
        Http.Res both = Http.token(auth, "grant_type=client_credentials&scope=graphql+offline_access");
        assertEquals(200, both.status(), both.body());
        Secrets.note(both.json().getString("access_token"));
        assertEquals("graphql", both.json().getString("scope"));
        assertFalse(both.json().containsKey("refresh_token"), both.body());
        // a scope the application is not registered for stays refused, offline_access included
        JsonObject online = Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), null);
        assertOAuthError(
                Http.token(
                        Http.basic(online.getString("clientId"), online.getString("clientSecret")),
                        "grant_type=client_credentials&scope=graphql+offline_access"),
                400,
                "invalid_scope");
    }

    @Test
    void malformedRequestsAreInvalidRequest() {
        JsonObject app = Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), null);
        String auth = Http.basic(app.getString("clientId"), app.getString("clientSecret"));
        assertOAuthError(
                Http.token(auth, "grant_type=client_credentials&grant_type=client_credentials"),
                400,
                "invalid_request");
        assertOAuthError(
                Http.bytes(
                        "POST",
                        "/oauth2/token",
                        auth,
                        "application/json",
                        "{\"grant_type\":\"client_credentials\"}".getBytes(StandardCharsets.UTF_8)),
                400,
                "invalid_request");
        assertOAuthError(
                Http.bytes("POST", "/oauth2/token", auth, "application/x-www-form-urlencoded", new byte[] {
                    'g', 'r', 'a', 'n', 't', '_', 't', 'y', 'p', 'e', '=', (byte) 0xC3, (byte) 0x28
                }),
                400,
                "invalid_request");
        assertOAuthError(Http.token(auth, "grant_type=client_credentials&x=%zz"), 400, "invalid_request");
        assertOAuthError(
                Http.token(
                        null,
                        Http.form(Map.of(
                                        "grant_type", "client_credentials",
                                        "client_id", app.getString("clientId"),
                                        "client_secret", app.getString("clientSecret")))
                                + "&client_secret=" + app.getString("clientSecret")),
                400,
                "invalid_request");
        assertOAuthError(
                Http.bytes(
                        "POST",
                        "/oauth2/token",
                        auth,
                        "application/x-www-form-urlencoded",
                        ("grant_type=client_credentials&pad=" + "x".repeat(20_000)).getBytes(StandardCharsets.UTF_8)),
                413,
                "invalid_request");
    }

    @Test
    void twoClientAuthenticationMethodsAtOnceAreRefused() {
        JsonObject app = Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), null);
        Http.Res r = Http.token(
                Http.basic(app.getString("clientId"), app.getString("clientSecret")),
                Http.form(Map.of("grant_type", "client_credentials", "client_secret", app.getString("clientSecret"))));
        assertOAuthError(r, 400, "invalid_request");
    }

    @Test
    void aDeactivatedApplicationGetsNoToken() {
        JsonObject app = Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), null);
        Fixtures.put("/api/admin/applications/" + app.getInt("id"), "{\"active\":false}");
        assertOAuthError(
                Http.token(
                        Http.basic(app.getString("clientId"), app.getString("clientSecret")),
                        "grant_type=client_credentials"),
                400,
                "unauthorized_client");
    }

    @Test
    void aDeactivatedUserGetsNoToken() {
        String user = Fixtures.graphqlUser();
        JsonObject app = Fixtures.application(user, List.of("graphql"), null);
        Fixtures.put("/api/admin/users/" + user, "{\"active\":false}");
        assertOAuthError(
                Http.token(
                        Http.basic(app.getString("clientId"), app.getString("clientSecret")),
                        "grant_type=client_credentials"),
                400,
                "invalid_grant");
    }

    @Test
    void rotationKeepsTheOldSecretOnlyForTheGracePeriod() {
        JsonObject app = Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), null);
        String id = app.getString("clientId");
        String old = app.getString("clientSecret");

        Http.Res withGrace = Http.json(
                "POST",
                "/api/admin/applications/" + app.getInt("id") + "/secret",
                Http.admin(),
                "{\"graceSeconds\":3600}");
        assertEquals(200, withGrace.status(), withGrace.body());
        assertEquals("no-store", withGrace.header("Cache-Control"));
        String second = Secrets.note(withGrace.json().getString("clientSecret"));
        Fixtures.token(id, old, null);
        Fixtures.token(id, second, null);

        Http.Res immediate = Http.json(
                "POST",
                "/api/admin/applications/" + app.getInt("id") + "/secret",
                Http.admin(),
                "{\"graceSeconds\":0}");
        assertEquals(200, immediate.status(), immediate.body());
        String third = Secrets.note(immediate.json().getString("clientSecret"));
        Fixtures.token(id, third, null);
        assertOAuthError(Http.token(Http.basic(id, old), "grant_type=client_credentials"), 401, "invalid_client");
        assertOAuthError(Http.token(Http.basic(id, second), "grant_type=client_credentials"), 401, "invalid_client");
    }

    @Test
    void failedClientAuthenticationsAreInTheEventLog() {
        String id = "ec-" + Fixtures.unique("probe");
        Http.token(Http.basic(id, "nope"), "grant_type=client_credentials");
        Http.Res events = Http.get("/api/admin/events?type=CLIENT_AUTHENTICATION_FAILED&q=" + id, Http.admin());
        assertEquals(200, events.status(), events.body());
        assertEquals(1, events.json().getInt("total"), events.body());
    }
}
