package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Who may call /graphql: the bearer-token matrix, live user and application state, ERP rights. */
@ExtendWith(ArquillianExtension.class)
class GraphqlAccessIT {

    static final String QUERY = "{ tblAddresses { rowRead(kf1AdrNr: {string: \"10000\"}) { fldAdrNr } } }";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItEnv.ear();
    }

    private static void assertInvalidToken(Http.Res r, String description) {
        assertEquals(401, r.status(), r.body());
        String challenge = r.header("WWW-Authenticate");
        assertTrue(challenge.startsWith("Bearer realm=\"ERP Connect\", error=\"invalid_token\""), challenge);
        assertEquals("invalid_token", r.json().getString("error"));
        assertEquals(description, r.json().getString("error_description"));
    }

    private static void assertWorks(String token) {
        Http.Res r = Http.graphql(token, QUERY);
        assertEquals(200, r.status(), r.body());
        assertEquals(
                "10000",
                r.json()
                        .getJsonObject("data")
                        .getJsonObject("tblAddresses")
                        .getJsonObject("rowRead")
                        .getString("fldAdrNr"));
    }

    @Test
    void withoutATokenTheAnswerIs401WithABearerChallenge() {
        Http.Res r = Http.graphql(null, QUERY);
        assertEquals(401, r.status(), r.body());
        assertEquals("Bearer realm=\"ERP Connect\"", r.header("WWW-Authenticate"));
        assertTrue(r.header("Set-Cookie") == null, "the API creates no session");
    }

    @Test
    void garbageAndForeignTokensAreInvalid() throws Exception {
        assertInvalidToken(Http.graphql("not-a-jwt", QUERY), "The access token is malformed.");
        String kid = Http.get("/oauth2/jwks", null)
                .json()
                .getJsonArray("keys")
                .getJsonObject(0)
                .getString("kid");
        Map<String, Object> claims = validClaims();

        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair foreign = g.generateKeyPair();
        assertInvalidToken(
                Http.graphql(sign(header("ES256", "at+jwt", kid), claims, foreign), QUERY),
                "The token's signature is invalid.");
        assertInvalidToken(
                Http.graphql(sign(header("ES256", "at+jwt", "unknown-kid"), claims, foreign), QUERY),
                "The token was not signed by this server.");
        assertInvalidToken(
                Http.graphql(sign(header("ES256", "JWT", kid), claims, foreign), QUERY),
                "The token is not an access token (typ must be at+jwt).");
        String unsigned = b64(header("none", "at+jwt", kid)) + "." + b64(json(claims)) + ".";
        assertInvalidToken(Http.graphql(unsigned, QUERY), "The token's algorithm is not accepted.");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        JsonObject app = Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), 1);
        String token = Fixtures.token(app);
        Thread.sleep(2_500);
        assertInvalidToken(Http.graphql(token, QUERY), "The access token expired.");
    }

    @Test
    void deactivatingTheUserStopsItsTokensAtOnce() {
        String user = Fixtures.graphqlUser();
        String token = Fixtures.token(Fixtures.application(user, List.of("graphql"), null));
        assertWorks(token);
        Fixtures.put("/api/admin/users/" + user, "{\"active\":false}");
        assertInvalidToken(
                Http.graphql(token, QUERY),
                "The token was revoked, or its user or application is deactivated, deleted or not licensed.");
    }

    @Test
    void removingGraphqlAccessStopsTheTokensAtOnce() {
        String user = Fixtures.graphqlUser();
        String token = Fixtures.token(Fixtures.application(user, List.of("graphql"), null));
        assertWorks(token);
        Fixtures.put("/api/admin/users/" + user, "{\"graphqlAccess\":false}");
        assertInvalidToken(Http.graphql(token, QUERY), "The user has no GraphQL access.");
    }

    @Test
    void deactivatingTheApplicationStopsItsTokensAtOnce() {
        JsonObject app = Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), null);
        String token = Fixtures.token(app);
        assertWorks(token);
        Fixtures.put("/api/admin/applications/" + app.getInt("id"), "{\"active\":false}");
        assertInvalidToken(
                Http.graphql(token, QUERY),
                "The token was revoked, or its user or application is deactivated, deleted or not licensed.");
    }

    @Test
    void theErpTableRightsOfTheUserApply() {
        String user = Fixtures.user(Map.of("tblPostalAddresses", List.of("read")), List.of("user"));
        String token = Fixtures.token(Fixtures.application(user, List.of("graphql"), null));
        Http.Res r = Http.graphql(token, QUERY);
        assertEquals(200, r.status(), r.body());
        JsonObject error = r.json().getJsonArray("errors").getJsonObject(0);
        assertEquals("FORBIDDEN", error.getJsonObject("extensions").getString("code"));
        assertEquals("The user '" + user + "' has no read right on tblAddresses.", error.getString("message"));
        assertTrue(r.json().getJsonObject("data").getJsonObject("tblAddresses").isNull("rowRead"));
    }

    @Test
    void protectedFieldsNeedTheirGrant() {
        String user = Fixtures.graphqlUser();
        String token = Fixtures.token(Fixtures.application(user, List.of("graphql"), null));
        Http.Res r = Http.graphql(
                token, "{ tblAddresses { rowRead(kf1AdrNr: {string: \"10000\"}) { fldAdrNr fldKredLimit } } }");
        JsonObject error = r.json().getJsonArray("errors").getJsonObject(0);
        assertEquals("FORBIDDEN_FIELD", error.getJsonObject("extensions").getString("code"));
        assertEquals("The field fldKredLimit is protected for this user.", error.getString("message"));
        JsonObject row =
                r.json().getJsonObject("data").getJsonObject("tblAddresses").getJsonObject("rowRead");
        assertEquals("10000", row.getString("fldAdrNr"));
        assertTrue(row.isNull("fldKredLimit"));
    }

    @Test
    void scopesSeparateGraphqlFromTheAdminApi() {
        String user = Fixtures.user(Map.of("tblAddresses", List.of("read")), List.of("user", "admin"));
        JsonObject app = Fixtures.application(user, List.of("graphql", "admin"), null);
        String adminOnly = Fixtures.token(app.getString("clientId"), app.getString("clientSecret"), "admin");
        String graphqlOnly = Fixtures.token(app.getString("clientId"), app.getString("clientSecret"), "graphql");

        Http.Res gql = Http.graphql(adminOnly, QUERY);
        assertEquals(403, gql.status(), gql.body());
        assertTrue(gql.header("WWW-Authenticate").contains("error=\"insufficient_scope\""));
        assertWorks(graphqlOnly);

        assertEquals(
                200, Http.get("/api/admin/users?size=1", Http.bearer(adminOnly)).status());
        assertEquals(
                403,
                Http.get("/api/admin/users?size=1", Http.bearer(graphqlOnly)).status());
    }

    /**
     * The GraphQL access and scope are decided on the path the container serves, not on the raw
     * request URI: {@code /api/../graphql} (or with an encoded dot segment) is
     * {@code /graphql} to the container, so a token without the scope {@code graphql}, or of a user
     * without GraphQL access, is refused there too ({@code /api/..;x=y/graphql} is served nowhere). Sent over a plain socket, as no HTTP client
     * would send it unnormalized.
     */
    @Test
    void dotSegmentsDoNotLeadAroundTheGraphqlChecks() throws Exception {
        String user = Fixtures.user(Map.of("tblAddresses", List.of("read")), List.of("user", "admin"));
        JsonObject app = Fixtures.application(user, List.of("graphql", "admin"), null);
        String adminOnly = Fixtures.token(app.getString("clientId"), app.getString("clientSecret"), "admin");
        String noAccessUser = Fixtures.user(Map.of("tblAddresses", List.of("read")), List.of("user"), List.of(), false);
        String token = Fixtures.token(Fixtures.application(noAccessUser, List.of("graphql"), null));
        String body = Json.createObjectBuilder().add("query", QUERY).build().toString();
        // A dot segment with a ;-parameter is no dot segment to Undertow: nothing is served there.
        String unserved = rawPost("/api/..;x=y/graphql", adminOnly, body);
        assertTrue(unserved.startsWith("HTTP/1.1 404 "), unserved);
        assertFalse(unserved.contains("fldAdrNr"), unserved);
        for (String path : List.of("/api/../graphql", "/api/%2e%2e/graphql", "/api/./../graphql")) {
            String refused = rawPost(path, adminOnly, body);
            assertTrue(refused.startsWith("HTTP/1.1 403 "), path + ": " + refused);
            assertTrue(refused.contains("error=\"insufficient_scope\""), path + ": " + refused);
            assertFalse(refused.contains("fldAdrNr"), path + ": " + refused);
            String noAccess = rawPost(path, token, body);
            assertTrue(noAccess.startsWith("HTTP/1.1 401 "), path + ": " + noAccess);
            assertTrue(noAccess.contains("The user has no GraphQL access."), path + ": " + noAccess);
            assertFalse(noAccess.contains("fldAdrNr"), path + ": " + noAccess);
        }
    }

    /** An HTTP/1.1 POST with the request target exactly as given; the whole answer. */
    private static String rawPost(String target, String token, String json) throws Exception {
        URI base = URI.create(ItEnv.baseUrl());
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            String head = "POST " + target + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, Object> validClaims() {
        long now = Instant.now().getEpochSecond();
        return Map.of(
                "iss",
                ItEnv.issuer(),
                "aud",
                ItEnv.issuer(),
                "sub",
                "admin",
                "client_id",
                "ec-forged",
                "scope",
                "graphql",
                "jti",
                "forged-" + now,
                "iat",
                now,
                "exp",
                now + 300);
    }

    private static String header(String alg, String typ, String kid) {
        return Json.createObjectBuilder()
                .add("alg", alg)
                .add("typ", typ)
                .add("kid", kid)
                .build()
                .toString();
    }

    private static String json(Map<String, Object> claims) {
        var b = Json.createObjectBuilder();
        claims.forEach((k, v) -> {
            if (v instanceof Long l) {
                b.add(k, l);
            } else {
                b.add(k, v.toString());
            }
        });
        return b.build().toString();
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String sign(String header, Map<String, Object> claims, KeyPair key) throws Exception {
        String input = b64(header) + "." + b64(json(claims));
        Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
        s.initSign(key.getPrivate());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
    }
}
