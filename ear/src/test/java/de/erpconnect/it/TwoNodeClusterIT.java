package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.dpop.DPoPProofFactory;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The cluster stage: two WildFly nodes (standalone-ha.xml, JGroups over TCP with a static member
 * list) on one PostgreSQL schema, node B with node A's imported credential store. The suite's
 * helpers talk to node A (also the issuer, standing for the load balancer's address); node B is
 * called directly.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterIT extends ManagedServers {

    static final String A = "cluster-a";
    static final String B = "cluster-b";
    static final String SCHEMA = "erpconnect_cluster";

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @Deployment(name = A, managed = false, testable = false)
    @TargetsContainer(A)
    static EnterpriseArchive earOnA() {
        return ItEnv.ear();
    }

    @Deployment(name = B, managed = false, testable = false)
    @TargetsContainer(B)
    static EnterpriseArchive earOnB() {
        return ItEnv.ear();
    }

    static String nodeB() {
        return "http://localhost:" + System.getProperty("it.cluster.http.b");
    }

    @Test
    @Order(1)
    void bothNodesFormOneCluster() throws Exception {
        ItDatabase.freshPostgresqlSchema(SCHEMA);
        controller.start(A);
        deployer.deploy(A);
        controller.start(B);
        deployer.deploy(B);
        Path log = Path.of(System.getProperty("it.cluster.base.a"), "log", "server.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.readString(log, StandardCharsets.UTF_8).contains("[node-a, node-b]")
                && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertTrue(
                Files.readString(log, StandardCharsets.UTF_8).contains("[node-a, node-b]"),
                "node A's JGroups view holds both nodes");
        assertEquals(
                200, get(nodeB() + "/.well-known/oauth-authorization-server").statusCode());
    }

    @Test
    @Order(2)
    void aTokenIssuedOnAWorksOnB() throws Exception {
        JsonObject app = Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), 600);
        String token = Fixtures.token(app);
        assertEquals(200, graphqlOnB(token).statusCode());
    }

    @Test
    @Order(3)
    void aCodeIssuedOnAIsRedeemedOnBExactlyOnce() throws Exception {
        OAuthFlowIT.Setup s = OAuthFlowIT.setup(List.of("graphql", "offline_access"));
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationResponse response = OAuthFlowIT.loginAndConsent(
                new Browser(), s, OAuthFlowIT.authorize(s, verifier, new State(), "graphql offline_access"), true);
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(code, OAuthFlowIT.CALLBACK, verifier);

        TokenResponse onB = TokenResponse.parse(new TokenRequest(URI.create(nodeB() + "/oauth2/token"), s.auth(), grant)
                .toHTTPRequest()
                .send());
        assertTrue(
                onB.indicatesSuccess(),
                () -> onB.toErrorResponse().getErrorObject().toString());
        AccessTokenResponse tokens = onB.toSuccessResponse();
        Secrets.note(tokens.getTokens().getAccessToken().getValue());
        assertEquals(
                200, graphqlOnB(tokens.getTokens().getAccessToken().getValue()).statusCode());

        for (String node : List.of(nodeB(), ItEnv.baseUrl())) {
            TokenResponse replay =
                    TokenResponse.parse(new TokenRequest(URI.create(node + "/oauth2/token"), s.auth(), grant)
                            .toHTTPRequest()
                            .send());
            assertFalse(replay.indicatesSuccess(), "a replay on " + node + " fails");
            assertEquals(
                    "invalid_grant",
                    ((TokenErrorResponse) replay).getErrorObject().getCode());
        }
        assertEquals(
                401,
                graphqlOnB(tokens.getTokens().getAccessToken().getValue()).statusCode(),
                "the replay revoked the tokens of that code, on B too");
    }

    @Test
    @Order(4)
    void aRevocationOnAHoldsOnBAtOnce() throws Exception {
        String user = Fixtures.graphqlUser();
        JsonObject app = Fixtures.application(user, List.of("graphql"), 600);
        String revoked = Fixtures.token(app);
        String other = Fixtures.token(app);
        assertEquals(200, graphqlOnB(revoked).statusCode(), "B knows and caches the token's state");
        assertEquals(200, graphqlOnB(other).statusCode());

        HTTPResponse revocation = new TokenRevocationRequest(
                        URI.create(ItEnv.baseUrl() + "/oauth2/revoke"),
                        new OAuthFlowIT.Setup(user, app, null).auth(),
                        new BearerAccessToken(revoked))
                .toHTTPRequest()
                .send();
        assertEquals(200, revocation.getStatusCode());
        assertEquals(401, graphqlOnB(revoked).statusCode(), "revoked on A: refused on B at once");
        assertEquals(200, graphqlOnB(other).statusCode());

        Fixtures.put("/api/admin/users/" + user, "{\"active\":false}");
        assertEquals(401, graphqlOnB(other).statusCode(), "user deactivated on A: refused on B at once");
    }

    @Test
    @Order(5)
    void aSigningKeyRotationOnAIsPickedUpByB() throws Exception {
        JsonObject app = Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), 600);
        String before = Fixtures.token(app);
        Http.Res rotated = Http.json("POST", "/api/admin/signing-keys/rotate", Http.admin(), "");
        assertEquals(200, rotated.status(), rotated.body());
        String kid = rotated.json().getString("kid");

        String fromB = tokenOnB(app);
        assertEquals(kid, kid(fromB), "B signs with the key A rotated to");
        String fromA = Fixtures.token(app);
        assertEquals(kid, kid(fromA));
        assertEquals(200, graphqlOnB(fromA).statusCode(), "B verifies A's new key");
        assertEquals(200, graphqlOnB(before).statusCode(), "and the old key during its overlap");
        String jwks = get(nodeB() + "/oauth2/jwks").body();
        assertTrue(jwks.contains(kid) && jwks.contains(kid(before)), jwks);
    }

    @Test
    @Order(6)
    void aDpopProofUsedOnAIsRefusedOnB() throws Exception {
        JsonObject app = Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), 600);
        DPoPProofFactory proofs =
                new DefaultDPoPProofFactory(new ECKeyGenerator(Curve.P_256).generate(), JWSAlgorithm.ES256);
        ClientSecretBasic auth = new ClientSecretBasic(
                new ClientID(app.getString("clientId")), new Secret(app.getString("clientSecret")));
        DPoPAccessToken token = DpopIT.boundToken(auth, proofs);
        // both nodes serve the public URL (node A's address stands for the load balancer's)
        URI graphql = URI.create(ItEnv.baseUrl() + "/graphql");
        Nonce nonce = DpopIT.nonce(auth, proofs);
        SignedJWT proof = proofs.createDPoPJWT("POST", graphql, token, nonce);
        assertEquals(200, dpopGraphql(ItEnv.baseUrl(), token, proof).statusCode(), "the proof, used on A");
        HttpResponse<String> replay = dpopGraphql(nodeB(), token, proof);
        assertEquals(401, replay.statusCode(), replay.body());
        assertTrue(
                replay.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_dpop_proof"),
                "the same proof on B is a replay: " + replay.headers().map());
        assertEquals(
                200,
                dpopGraphql(nodeB(), token, proofs.createDPoPJWT("POST", graphql, token, nonce))
                        .statusCode(),
                "a fresh proof with A's nonce is good on B");
    }

    @Test
    @Order(6)
    void aClientAssertionUsedOnAIsRefusedOnB() throws Exception {
        JsonObject app = Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), 600);
        ECKey key = ClientAssertionIT.registeredKey(app, "cluster-1");
        PrivateKeyJWT assertion = ClientAssertionIT.es256(app.getString("clientId"), key);
        HTTPResponse onA = clientCredentials(ItEnv.baseUrl(), assertion);
        assertEquals(200, onA.getStatusCode(), onA.getBody());
        Secrets.note(AccessTokenResponse.parse(onA).getTokens().getAccessToken().getValue());
        HTTPResponse onB = clientCredentials(nodeB(), assertion);
        assertEquals(401, onB.getStatusCode(), onB.getBody());
        assertEquals(
                "The client assertion was used before (its jti is known).",
                TokenErrorResponse.parse(onB).getErrorObject().getDescription());
        assertEquals(
                200,
                clientCredentials(nodeB(), ClientAssertionIT.es256(app.getString("clientId"), key))
                        .getStatusCode(),
                "a fresh assertion is good on B");
    }

    private static HTTPResponse clientCredentials(String node, PrivateKeyJWT assertion) throws Exception {
        return new TokenRequest(
                        URI.create(node + "/oauth2/token"),
                        assertion,
                        new ClientCredentialsGrant(),
                        new Scope("graphql"))
                .toHTTPRequest()
                .send();
    }

    private static HttpResponse<String> dpopGraphql(String node, DPoPAccessToken token, SignedJWT proof)
            throws Exception {
        return graphql(node, token.toAuthorizationHeader(), proof);
    }

    @Test
    @Order(7)
    void aLockoutCountsFailuresOnBothNodes() throws Exception {
        JsonObject app = Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), 600);
        String wrong = "Basic "
                + Base64.getEncoder()
                        .encodeToString((app.getString("clientId") + ":falsch").getBytes(StandardCharsets.UTF_8));
        String right = "Basic "
                + Base64.getEncoder()
                        .encodeToString((app.getString("clientId") + ":" + app.getString("clientSecret"))
                                .getBytes(StandardCharsets.UTF_8));
        String[] nodes = {ItEnv.baseUrl(), nodeB(), ItEnv.baseUrl(), nodeB(), ItEnv.baseUrl()};
        for (String node : nodes) {
            assertEquals(401, token(node, wrong).statusCode(), "a wrong secret on " + node);
        }
        HttpResponse<String> locked = token(nodeB(), right);
        assertEquals(429, locked.statusCode(), "five failures on A and B together lock the pair: " + locked.body());
        assertTrue(locked.headers().firstValue("Retry-After").isPresent());
        assertTrue(locked.body().contains("\"error\""), locked.body());
    }

    @Test
    @Order(8)
    void killingNodeALosesNoCommittedDataAndBKeepsServing() throws Exception {
        String user = Fixtures.graphqlUser();
        JsonObject app = Fixtures.application(user, List.of("graphql"), 600);
        ProcessHandle a = serverProcess(System.getProperty("it.cluster.base.a"));
        a.destroyForcibly();
        a.onExit().get(30, TimeUnit.SECONDS);

        String token = tokenOnB(app);
        assertEquals(200, graphqlOnB(token).statusCode(), "B serves alone");
        HttpResponse<String> userOnB = CLIENT.send(
                HttpRequest.newBuilder(URI.create(nodeB() + "/api/admin/users/" + user))
                        .header("Authorization", Http.admin())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, userOnB.statusCode(), "what A committed before the kill is there");

        // node A comes back (from its own configuration) and joins again
        controller.stop(A);
        controller.start(A);
        assertEquals(
                200, Http.graphql(Fixtures.token(app), GraphqlAccessIT.QUERY).status(), "A serves again");
    }

    @Test
    @Order(9)
    void stopTheCluster() {
        try {
            deployer.undeploy(B);
            deployer.undeploy(A);
        } finally {
            controller.stop(B);
            controller.stop(A);
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> graphqlOnB(String token) throws Exception {
        return graphql(nodeB(), "Bearer " + token, null);
    }

    /** The suite's GraphQL query on {@code node}, with a DPoP proof when one is given. */
    private static HttpResponse<String> graphql(String node, String authorization, SignedJWT proof) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node + "/graphql"))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("query", GraphqlAccessIT.QUERY)
                        .build()
                        .toString()));
        if (proof != null) {
            request.header("DPoP", proof.serialize());
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> token(String node, String authorization) throws Exception {
        return CLIENT.send(
                HttpRequest.newBuilder(URI.create(node + "/oauth2/token"))
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String tokenOnB(JsonObject app) throws Exception {
        HttpResponse<String> r = token(
                nodeB(),
                "Basic "
                        + Base64.getEncoder()
                                .encodeToString((app.getString("clientId") + ":" + app.getString("clientSecret"))
                                        .getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, r.statusCode(), r.body());
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            return Secrets.note(reader.readObject().getString("access_token"));
        }
    }

    private static String kid(String jwt) {
        String header =
                new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))), StandardCharsets.UTF_8);
        try (JsonReader reader = Json.createReader(new StringReader(header))) {
            return reader.readObject().getString("kid");
        }
    }

    private static ProcessHandle serverProcess(String baseDir) {
        String marker = "-Djboss.server.base.dir=" + baseDir;
        List<ProcessHandle> found = ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(marker))
                .toList();
        assertEquals(1, found.size(), "exactly one server process of node A: " + found);
        assertNotEquals(ProcessHandle.current().pid(), found.get(0).pid());
        return found.get(0);
    }
}
