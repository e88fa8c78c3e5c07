package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code private_key_jwt} client authentication (RFC 7523 §2.2), driven by a standard client
 * library (Nimbus OAuth 2.0 SDK builds and signs the assertions): an application registers public
 * keys through the admin REST, then gets tokens, introspects and revokes with signed assertions
 * only, and each broken rule is refused with {@code invalid_client}.
 */
@ExtendWith(ArquillianExtension.class)
class ClientAssertionIT {

    static final String QUERY = "{ tblAddresses { rowRead(kf1AdrNr: {string: \"10000\"}) { fldAdrNr } } }";

    static ECKey ecKey;
    static RSAKey rsaKey;
    static URI tokenEndpoint;

    /** Each test's own application (failed authentications are throttled per client). */
    JsonObject app;

    ClientID clientId;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItEnv.ear();
    }

    @BeforeAll
    static void generateKeys() throws Exception {
        ecKey = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        rsaKey = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        tokenEndpoint = URI.create(ItEnv.baseUrl() + "/oauth2/token");
    }

    @BeforeEach
    void registerKeys() throws Exception {
        app = Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), null);
        clientId = new ClientID(app.getString("clientId"));
        String jwks = new JWKSet(List.of(ecKey.toPublicJWK(), rsaKey.toPublicJWK())).toString();
        Http.Res r =
                Http.json("PUT", "/api/admin/applications/" + app.getJsonNumber("id") + "/jwks", Http.admin(), jwks);
        assertEquals(200, r.status(), r.body());
        JsonObject view = r.json();
        assertEquals("private_key_jwt", view.getString("authMethod"));
        assertFalse(view.containsKey("clientSecret"), r.body());
        assertEquals(
                List.of("ec-1 ES256 " + ecKey.computeThumbprint(), "rsa-1 PS256 " + rsaKey.computeThumbprint()),
                view.getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                        .map(k -> k.getString("kid") + " " + k.getString("algorithm") + " " + k.getString("thumbprint"))
                        .toList());
    }

    private JWTAuthenticationClaimsSet claims(String audience, long expiresInSeconds) {
        return claims(clientId, audience, expiresInSeconds);
    }

    private static JWTAuthenticationClaimsSet claims(ClientID client, String audience, long expiresInSeconds) {
        Date now = new Date();
        return new JWTAuthenticationClaimsSet(
                client,
                new Audience(audience).toSingleAudienceList(),
                new Date(now.getTime() + expiresInSeconds * 1000),
                null,
                now,
                new JWTID());
    }

    private PrivateKeyJWT es256(JWTAuthenticationClaimsSet claims) throws Exception {
        return new PrivateKeyJWT(claims, JWSAlgorithm.ES256, ecKey.toECPrivateKey(), ecKey.getKeyID(), null);
    }

    /** A new EC key of the partner app, registered (its public part) for {@code app} through the admin REST. */
    static ECKey registeredKey(JsonObject app, String kid) throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        Http.Res keys = Http.json(
                "PUT",
                "/api/admin/applications/" + app.getJsonNumber("id") + "/jwks",
                Http.admin(),
                new JWKSet(key.toPublicJWK()).toString());
        assertEquals(200, keys.status(), keys.body());
        return key;
    }

    /** A fresh ES256 assertion of {@code client} for the issuer, valid 30 s, signed with {@code key}. */
    static PrivateKeyJWT es256(String client, ECKey key) throws Exception {
        return new PrivateKeyJWT(
                claims(new ClientID(client), ItEnv.issuer(), 30),
                JWSAlgorithm.ES256,
                key.toECPrivateKey(),
                key.getKeyID(),
                null);
    }

    private static HTTPResponse tokenRequest(ClientAuthentication authentication) throws Exception {
        return new TokenRequest(tokenEndpoint, authentication, new ClientCredentialsGrant(), new Scope("graphql"))
                .toHTTPRequest()
                .send();
    }

    private static AccessToken token(ClientAuthentication authentication) throws Exception {
        TokenResponse response = TokenResponse.parse(tokenRequest(authentication));
        assertTrue(
                response.indicatesSuccess(),
                () -> response.toErrorResponse().getErrorObject().toString());
        AccessToken token = ((AccessTokenResponse) response).getTokens().getAccessToken();
        Secrets.note(token.getValue());
        return token;
    }

    private static void assertRefused(ClientAuthentication authentication, String description) throws Exception {
        HTTPResponse http = tokenRequest(authentication);
        assertEquals(401, http.getStatusCode(), http.getBody());
        TokenErrorResponse error = TokenErrorResponse.parse(http);
        assertEquals("invalid_client", error.getErrorObject().getCode());
        assertEquals(description, error.getErrorObject().getDescription());
    }

    /** An assertion form sent as is: for what no library would build. */
    private static Http.Res rawAssertion(String assertion) {
        return Http.token(
                null,
                Http.form(Map.of(
                        "grant_type", "client_credentials",
                        "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                        "client_assertion", assertion)));
    }

    private JWTClaimsSet rawClaims() {
        Date now = new Date();
        return new JWTClaimsSet.Builder()
                .issuer(clientId.getValue())
                .subject(clientId.getValue())
                .audience(ItEnv.issuer())
                .expirationTime(new Date(now.getTime() + 30_000))
                .issueTime(now)
                .jwtID(UUID.randomUUID().toString())
                .build();
    }

    @Test
    void es256AndPs256AssertionsGetTokensThatWork() throws Exception {
        AccessToken byEc = token(es256(claims(tokenEndpoint.toString(), 60)));
        assertEquals(200, Http.graphql(byEc.getValue(), QUERY).status());
        // the issuer identifier as audience (RFC 7523 §3 allows either), PS256 with the RSA key
        AccessToken byRsa = token(new PrivateKeyJWT(
                claims(ItEnv.issuer(), 30), JWSAlgorithm.PS256, rsaKey.toRSAPrivateKey(), rsaKey.getKeyID(), null));
        Http.Res r = Http.graphql(byRsa.getValue(), QUERY);
        assertEquals(200, r.status(), r.body());
        assertTrue(r.body().contains("\"fldAdrNr\":\"10000\""), r.body());
    }

    @Test
    void introspectionAndRevocationAcceptAssertions() throws Exception {
        AccessToken token = token(es256(claims(tokenEndpoint.toString(), 60)));
        URI introspect = URI.create(ItEnv.baseUrl() + "/oauth2/introspect");
        TokenIntrospectionResponse active = TokenIntrospectionResponse.parse(
                new TokenIntrospectionRequest(introspect, es256(claims(introspect.toString(), 60)), token)
                        .toHTTPRequest()
                        .send());
        assertTrue(active.indicatesSuccess());
        assertTrue(active.toSuccessResponse().isActive());
        URI revoke = URI.create(ItEnv.baseUrl() + "/oauth2/revoke");
        HTTPResponse revoked = new TokenRevocationRequest(revoke, es256(claims(ItEnv.issuer(), 60)), token)
                .toHTTPRequest()
                .send();
        assertEquals(200, revoked.getStatusCode(), revoked.getBody());
        assertEquals(401, Http.graphql(token.getValue(), QUERY).status());
    }

    @Test
    void theSecretNoLongerWorks() {
        Http.Res r = Http.token(
                Http.basic(app.getString("clientId"), app.getString("clientSecret")), "grant_type=client_credentials");
        assertEquals(401, r.status(), r.body());
        assertEquals("invalid_client", r.json().getString("error"));
    }

    @Test
    void aReplayedAssertionIsRefused() throws Exception {
        PrivateKeyJWT once = es256(claims(tokenEndpoint.toString(), 60));
        token(once);
        assertRefused(once, "The client assertion was used before (its jti is known).");
    }

    @Test
    void aWrongAudienceIsRefused() throws Exception {
        assertRefused(
                es256(claims(ItEnv.baseUrl() + "/oauth2/other", 60)),
                "The client assertion's aud must be the issuer identifier " + ItEnv.issuer() + ".");
    }

    @Test
    void anExpiredOrLongLivedAssertionIsRefusedTheLibrarysDefaultIsNot() throws Exception {
        assertRefused(es256(claims(tokenEndpoint.toString(), -60)), "The client assertion has expired.");
        assertRefused(
                es256(claims(tokenEndpoint.toString(), 120)),
                "The client assertion's exp is more than 60 s in the future.");
        // the library's default lifetime (60 s) is accepted (with iat: without one, an assertion could
        // have been made up to 70 s before its exp, and in the first 10 s after a start — as may be the
        // case here, right after the deployment — that is before the server started, which is refused)
        token(es256(claims(tokenEndpoint.toString(), 60)));
    }

    @Test
    void anUnknownKeyOrAnotherKeysSignatureIsRefused() throws Exception {
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        assertRefused(
                new PrivateKeyJWT(
                        claims(ItEnv.issuer(), 60), JWSAlgorithm.ES256, stranger.toECPrivateKey(), "ec-1", null),
                "Client authentication failed.");
        assertRefused(
                new PrivateKeyJWT(
                        claims(ItEnv.issuer(), 60), JWSAlgorithm.ES256, stranger.toECPrivateKey(), "unknown", null),
                "Client authentication failed.");
    }

    @Test
    void unsignedAndHmacAssertionsAreRefused() throws Exception {
        Http.Res none = rawAssertion(new PlainJWT(rawClaims()).serialize());
        assertEquals(401, none.status(), none.body());
        assertEquals("invalid_client", none.json().getString("error"));
        assertEquals(
                "The client assertion must be signed with ES256 or PS256.",
                none.json().getString("error_description"));

        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), rawClaims());
        hmac.sign(new MACSigner(new byte[32]));
        Http.Res hs = rawAssertion(hmac.serialize());
        assertEquals(401, hs.status(), hs.body());
        assertEquals(
                "The client assertion must be signed with ES256 or PS256.",
                hs.json().getString("error_description"));

        // the same answer for a client id that does not exist: it tells nothing
        JWTClaimsSet unknown = new JWTClaimsSet.Builder(rawClaims())
                .issuer("ec-unknown")
                .subject("ec-unknown")
                .build();
        Http.Res nobody = rawAssertion(new PlainJWT(unknown).serialize());
        assertEquals(401, nobody.status(), nobody.body());
        assertEquals(none.json(), nobody.json());
    }

    @Test
    void anAssertionForAnotherClientIsRefused() throws Exception {
        // signed with this client's key, but naming another issuer
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID("ec-1")
                        .type(JOSEObjectType.JWT)
                        .build(),
                new JWTClaimsSet.Builder(rawClaims()).issuer("ec-someone-else").build());
        jwt.sign(new ECDSASigner(ecKey));
        Http.Res r = rawAssertion(jwt.serialize());
        assertEquals(401, r.status(), r.body());
        assertEquals(
                "The client assertion's iss and sub must both be the client id.",
                r.json().getString("error_description"));
    }

    @Test
    void twoMethodsAtOnceAreRefused() throws Exception {
        String assertion =
                es256(claims(ItEnv.issuer(), 60)).getClientAssertion().serialize();
        Http.Res r = Http.token(
                Http.basic(app.getString("clientId"), "whatever"),
                Http.form(Map.of(
                        "grant_type", "client_credentials",
                        "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                        "client_assertion", assertion)));
        assertEquals(400, r.status(), r.body());
        assertEquals("invalid_request", r.json().getString("error"));
    }

    @Test
    void badKeySetsAreRefusedAndChangeNothing() throws Exception {
        JsonObject other = Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), null);
        String path = "/api/admin/applications/" + other.getJsonNumber("id") + "/jwks";
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k").generate();
        Map<String, String> refused = Map.of(
                new JWKSet(key).toString(false),
                "holds private key material ('d')",
                "{\"keys\":[]}",
                "non-empty array 'keys'",
                "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"h\",\"k\":\"AAAA\"}]}",
                "private key material ('k')",
                new JWKSet(new ECKeyGenerator(Curve.P_384)
                                .keyID("p384")
                                .generate()
                                .toPublicJWK())
                        .toString(),
                "curve P-256",
                new JWKSet(new RSAKeyGenerator(1024, true)
                                .keyID("small")
                                .generate()
                                .toPublicJWK())
                        .toString(),
                "at least 2048 bits",
                new JWKSet(List.of(key.toPublicJWK(), key.toPublicJWK())).toString(),
                "used twice",
                "not json",
                "not a JSON object");
        for (Map.Entry<String, String> e : refused.entrySet()) {
            Http.Res r = Http.json("PUT", path, Http.admin(), e.getKey());
            assertEquals(400, r.status(), r.body());
            assertTrue(r.body().contains(e.getValue()), e.getValue() + " in " + r.body());
            assertFalse(r.body().contains("\"d\""), r.body());
        }
        // nothing changed: the secret still works
        Fixtures.token(other);
    }

    @Test
    void aNewSecretGoesBackToTheSecret() throws Exception {
        JsonObject other = Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), null);
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("k").generate();
        String base = "/api/admin/applications/" + other.getJsonNumber("id");
        Fixtures.put(base + "/jwks", new JWKSet(key.toPublicJWK()).toString());
        PrivateKeyJWT assertion = es256(other.getString("clientId"), key);
        PrivateKeyJWT before = es256(other.getString("clientId"), key);
        token(before);
        Http.Res rotated = Http.json("POST", base + "/secret", Http.admin(), "{\"graceSeconds\":3600}");
        assertEquals(200, rotated.status(), rotated.body());
        String secret = Secrets.note(rotated.json().getString("clientSecret"));
        assertEquals("client_secret_basic", rotated.json().getString("authMethod"));
        assertTrue(rotated.json().getJsonArray("keys").isEmpty());
        Fixtures.token(other.getString("clientId"), secret, null);
        HTTPResponse refused = tokenRequest(assertion);
        assertEquals(401, refused.getStatusCode(), refused.getBody());
        assertEquals(
                "Client authentication failed.",
                TokenErrorResponse.parse(refused).getErrorObject().getDescription());
    }

    @Test
    void discoveryAdvertisesPrivateKeyJwt() {
        JsonObject metadata =
                Http.get("/.well-known/oauth-authorization-server", null).json();
        for (String endpoint : List.of("token", "introspection", "revocation")) {
            assertTrue(metadata.getJsonArray(endpoint + "_endpoint_auth_methods_supported")
                    .contains(Json.createValue("private_key_jwt")));
            assertEquals(
                    List.of(Json.createValue("ES256"), Json.createValue("PS256")),
                    metadata.getJsonArray(endpoint + "_endpoint_auth_signing_alg_values_supported"));
        }
    }

    /**
     * Keys the partner app publishes itself (jwks_uri): fetched at registration, a new key works
     * as soon as an assertion names it (after the 10 s that limit fetches per application), a key
     * withdrawn from the published set stops working with that fetch. The suite's server runs in
     * the dev mode, which lets it fetch from this loopback stand-in over http; production fetches
     * https from public addresses only (HttpsKeySetFetcherTest).
     */
    @Test
    void keysPublishedAtAJwksUriAreFetchedAndFollowed() throws Exception {
        ECKey second = new ECKeyGenerator(Curve.P_256).keyID("ec-2").generate();
        java.util.concurrent.atomic.AtomicReference<String> published =
                new java.util.concurrent.atomic.AtomicReference<>(new JWKSet(ecKey.toPublicJWK()).toString());
        java.util.concurrent.atomic.AtomicInteger fetches = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer partnerApp = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 4);
        partnerApp.createContext("/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = published.get().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/jwk-set+json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        partnerApp.start();
        try {
            String path = "/api/admin/applications/" + app.getJsonNumber("id") + "/jwks-uri";
            Http.Res unreachable =
                    Http.json("PUT", path, Http.admin(), "{\"jwksUri\":\"http://127.0.0.1:9/jwks.json\"}");
            assertEquals(400, unreachable.status(), unreachable.body());
            assertTrue(unreachable.body().contains("The jwks_uri could not be fetched"), unreachable.body());
            Http.Res notHttps = Http.json("PUT", path, Http.admin(), "{\"jwksUri\":\"ftp://partner.example.com/k\"}");
            assertEquals(400, notHttps.status(), notHttps.body());

            String uri = "http://127.0.0.1:" + partnerApp.getAddress().getPort() + "/jwks.json";
            Http.Res registered = Http.json("PUT", path, Http.admin(), "{\"jwksUri\":\"" + uri + "\"}");
            assertEquals(200, registered.status(), registered.body());
            assertEquals(uri, registered.json().getString("jwksUri"));
            assertEquals(
                    List.of("ec-1"),
                    registered.json().getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                            .map(k -> k.getString("kid"))
                            .toList());
            assertEquals(1, fetches.get(), "fetched once at registration");
            token(es256(clientId.getValue(), ecKey));

            // the partner app replaces its key: the new one works once a fetch may run again
            published.set(new JWKSet(second.toPublicJWK()).toString());
            Thread.sleep(11_000);
            token(es256(clientId.getValue(), second));
            assertRefused(es256(clientId.getValue(), ecKey), "Client authentication failed.");
            assertTrue(fetches.get() <= 3, "fetches: " + fetches.get());
            assertEquals(
                    List.of("ec-2"),
                    Http.get("/api/admin/applications/" + app.getJsonNumber("id"), Http.admin())
                            .json()
                            .getJsonArray("keys")
                            .getValuesAs(JsonObject.class)
                            .stream()
                            .map(k -> k.getString("kid"))
                            .toList(),
                    "the fetched set is stored with the application");

            // inline keys end the jwks_uri
            Http.Res inline = Http.json(
                    "PUT",
                    "/api/admin/applications/" + app.getJsonNumber("id") + "/jwks",
                    Http.admin(),
                    new JWKSet(ecKey.toPublicJWK()).toString());
            assertFalse(inline.json().containsKey("jwksUri"), inline.body());
        } finally {
            partnerApp.stop(0);
        }
    }
}
