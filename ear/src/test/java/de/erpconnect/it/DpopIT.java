package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.dpop.DPoPProofFactory;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.dpop.JWKThumbprintConfirmation;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DPoP (RFC 9449), driven by a standard client library (Nimbus OAuth 2.0 SDK makes the proofs and
 * parses the answers): the token endpoint binds access tokens to the proof's key ({@code cnf.jkt},
 * token type {@code DPoP}) and a public client's refresh tokens too; {@code /graphql} takes a bound
 * token only with a valid proof of that key, with the server's nonce; every broken rule is refused
 * with the RFC's error and challenge.
 */
@ExtendWith(ArquillianExtension.class)
class DpopIT {

    static final String QUERY = GraphqlAccessIT.QUERY;

    static ECKey ecKey;
    static ECKey otherKey;
    static RSAKey rsaKey;
    static final URI tokenEndpoint = URI.create(ItEnv.baseUrl() + "/oauth2/token");
    static final URI graphqlEndpoint = URI.create(ItEnv.baseUrl() + "/graphql");

    JsonObject app;
    DPoPProofFactory proofs;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItEnv.ear();
    }

    @BeforeAll
    static void generateKeys() throws Exception {
        ecKey = new ECKeyGenerator(Curve.P_256).generate();
        otherKey = new ECKeyGenerator(Curve.P_256).generate();
        rsaKey = new RSAKeyGenerator(2048).generate();
    }

    @BeforeEach
    void application() throws Exception {
        app = Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), null);
        proofs = new DefaultDPoPProofFactory(ecKey, JWSAlgorithm.ES256);
    }

    private ClientAuthentication secret() {
        return new ClientSecretBasic(
                new ClientID(app.getString("clientId")), new Secret(app.getString("clientSecret")));
    }

    /** A token request of {@code grant} with a proof of {@code factory} (and the nonce, if any). */
    private static HTTPResponse tokenRequest(
            ClientAuthentication auth, AuthorizationGrant grant, DPoPProofFactory factory, Nonce nonce)
            throws Exception {
        return send(new TokenRequest(tokenEndpoint, auth, grant, new Scope("graphql")).toHTTPRequest(), factory, nonce);
    }

    /** The same for a public client, which authenticates by its client id only. */
    private static HTTPResponse tokenRequest(
            ClientID client, AuthorizationGrant grant, DPoPProofFactory factory, Nonce nonce) throws Exception {
        return send(new TokenRequest(tokenEndpoint, client, grant).toHTTPRequest(), factory, nonce);
    }

    static HTTPResponse send(HTTPRequest request, DPoPProofFactory factory, Nonce nonce) throws Exception {
        if (factory != null) {
            request.setDPoP(factory.createDPoPJWT("POST", tokenEndpoint, nonce));
        }
        HTTPResponse response = request.send();
        assertEquals("no-store", response.getHeaderValue("Cache-Control"));
        return response;
    }

    /** The server's nonce, as a client learns it: from the use_dpop_nonce answer of its first request. */
    private Nonce nonce() throws Exception {
        return nonce(secret(), proofs);
    }

    static Nonce nonce(ClientAuthentication auth, DPoPProofFactory proofs) throws Exception {
        HTTPResponse first = tokenRequest(auth, new ClientCredentialsGrant(), proofs, null);
        assertEquals(400, first.getStatusCode(), first.getBody());
        assertEquals(
                "use_dpop_nonce",
                TokenErrorResponse.parse(first).getErrorObject().getCode());
        String nonce = first.getHeaderValue("DPoP-Nonce");
        assertNotNull(nonce, "the answer names the nonce to use");
        return new Nonce(nonce);
    }

    private DPoPAccessToken boundToken() throws Exception {
        return boundToken(secret(), proofs);
    }

    /** A client-credentials token bound to the key of {@code proofs}. */
    static DPoPAccessToken boundToken(ClientAuthentication auth, DPoPProofFactory proofs) throws Exception {
        HTTPResponse response = tokenRequest(auth, new ClientCredentialsGrant(), proofs, nonce(auth, proofs));
        assertEquals(200, response.getStatusCode(), response.getBody());
        AccessToken token = AccessTokenResponse.parse(response).getTokens().getAccessToken();
        Secrets.note(token.getValue());
        return assertInstanceOf(DPoPAccessToken.class, token, "token_type DPoP");
    }

    /** A proof for POST /graphql whose iat lies {@code offsetMillis} from now. */
    private SignedJWT madeAt(long offsetMillis, DPoPAccessToken token, Nonce nonce) throws Exception {
        return proofs.createDPoPJWT(
                new JWTID(),
                "POST",
                graphqlEndpoint,
                new Date(System.currentTimeMillis() + offsetMillis),
                token,
                nonce);
    }

    /** The nonce /graphql names when a proof has none (its use_dpop_nonce answer). */
    private Nonce graphqlNonce(DPoPAccessToken token) throws Exception {
        Http.Res r = graphql(token.toAuthorizationHeader(), proofs.createDPoPJWT("POST", graphqlEndpoint, token));
        assertRefused(r, 401, "use_dpop_nonce");
        return new Nonce(r.header("DPoP-Nonce"));
    }

    /** A GraphQL request with {@code authorization} and, when not null, the DPoP header. */
    static Http.Res graphql(String authorization, SignedJWT proof) {
        return graphql(authorization, proof == null ? null : proof.serialize());
    }

    static Http.Res graphql(String authorization, String proof) {
        Map<String, String> headers = proof == null
                ? Map.of("Authorization", authorization)
                : Map.of("Authorization", authorization, "DPoP", proof);
        return Http.bytesWithHeaders(
                "POST",
                "/graphql",
                headers,
                "application/json",
                Json.createObjectBuilder()
                        .add("query", QUERY)
                        .build()
                        .toString()
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(Http.Res r, int status, String error) {
        assertEquals(status, r.status(), r.body());
        String challenge = r.header("WWW-Authenticate");
        assertNotNull(challenge, "a challenge");
        assertTrue(challenge.startsWith("DPoP algs=\"ES256 PS256\""), challenge);
        assertTrue(challenge.contains("error=\"" + error + "\""), challenge);
        assertFalse(r.body().contains("\"data\""), r.body());
    }

    @Test
    void aClientCredentialsTokenIsBoundToTheProofsKeyAndGraphqlNeedsAProofOfIt() throws Exception {
        DPoPAccessToken token = boundToken();
        SignedJWT jwt = SignedJWT.parse(token.getValue());
        assertEquals(
                ecKey.computeThumbprint().toString(),
                JWKThumbprintConfirmation.parse(jwt.getJWTClaimsSet())
                        .getValue()
                        .toString(),
                "cnf.jkt is the RFC 7638 thumbprint of the proof's key");

        Http.Res withoutNonce =
                graphql(token.toAuthorizationHeader(), proofs.createDPoPJWT("POST", graphqlEndpoint, token));
        assertRefused(withoutNonce, 401, "use_dpop_nonce");
        Nonce nonce = new Nonce(withoutNonce.header("DPoP-Nonce"));

        SignedJWT proof = proofs.createDPoPJWT("POST", graphqlEndpoint, token, nonce);
        Http.Res ok = graphql(token.toAuthorizationHeader(), proof);
        assertEquals(200, ok.status(), ok.body());
        assertTrue(ok.body().contains("\"fldAdrNr\":\"10000\""), ok.body());
        assertNotNull(ok.header("DPoP-Nonce"), "every answer names the current nonce");

        assertRefused(graphql(token.toAuthorizationHeader(), proof), 401, "invalid_dpop_proof");
        Http.Res asBearer = graphql("Bearer " + token.getValue(), (String) null);
        assertEquals(401, asBearer.status(), asBearer.body());
        assertTrue(asBearer.header("WWW-Authenticate").contains("invalid_token"), asBearer.header("WWW-Authenticate"));
        assertRefused(graphql(token.toAuthorizationHeader(), (String) null), 401, "invalid_dpop_proof");
    }

    @Test
    void everyBrokenRuleOfAProofIsRefused() throws Exception {
        DPoPAccessToken token = boundToken();
        Nonce nonce = graphqlNonce(token);
        String auth = token.toAuthorizationHeader();
        // another key than the token's
        assertRefused(
                graphql(
                        auth,
                        new DefaultDPoPProofFactory(otherKey, JWSAlgorithm.ES256)
                                .createDPoPJWT("POST", graphqlEndpoint, token, nonce)),
                401,
                "invalid_token");
        // another URL, another method
        assertRefused(
                graphql(
                        auth,
                        proofs.createDPoPJWT("POST", URI.create(ItEnv.baseUrl() + "/api/admin/users"), token, nonce)),
                401,
                "invalid_dpop_proof");
        assertRefused(
                graphql(auth, proofs.createDPoPJWT("GET", graphqlEndpoint, token, nonce)), 401, "invalid_dpop_proof");
        // not for this access token (no ath, or another token's)
        assertRefused(graphql(auth, proofs.createDPoPJWT("POST", graphqlEndpoint, nonce)), 401, "invalid_dpop_proof");
        assertRefused(
                graphql(auth, proofs.createDPoPJWT("POST", graphqlEndpoint, new DPoPAccessToken("other"), nonce)),
                401,
                "invalid_dpop_proof");
        // made two minutes ago
        assertRefused(graphql(auth, madeAt(-120_000, token, nonce)), 401, "invalid_dpop_proof");
        // a made-up nonce
        assertRefused(
                graphql(auth, proofs.createDPoPJWT("POST", graphqlEndpoint, token, new Nonce())),
                401,
                "use_dpop_nonce");
        // the private key in the header, another typ, HS256-like algorithm confusion
        assertRefused(
                graphql(auth, handMade(ecKey, ecKey.toJSONObject(), "dpop+jwt", "ES256", token, nonce)),
                401,
                "invalid_dpop_proof");
        assertRefused(
                graphql(auth, handMade(ecKey, ecKey.toPublicJWK().toJSONObject(), "jwt", "ES256", token, nonce)),
                401,
                "invalid_dpop_proof");
        assertRefused(
                graphql(auth, handMade(ecKey, ecKey.toPublicJWK().toJSONObject(), "dpop+jwt", "none", token, nonce)),
                401,
                "invalid_dpop_proof");
        assertRefused(
                graphql(auth, handMade(ecKey, ecKey.toPublicJWK().toJSONObject(), "dpop+jwt", "HS256", token, nonce)),
                401,
                "invalid_dpop_proof");
        // the control: the same hand-made proof, correct, is accepted
        Http.Res handMadeOk =
                graphql(auth, handMade(ecKey, ecKey.toPublicJWK().toJSONObject(), "dpop+jwt", "ES256", token, nonce));
        assertEquals(200, handMadeOk.status(), handMadeOk.body());
        // made in the future
        assertRefused(graphql(auth, madeAt(60_000, token, nonce)), 401, "invalid_dpop_proof");
        // a refused proof uses up nothing: its jti is still good for a valid proof
        JWTID jti = new JWTID();
        Date now = new Date();
        assertRefused(
                graphql(auth, proofs.createDPoPJWT(jti, "GET", graphqlEndpoint, now, token, nonce)),
                401,
                "invalid_dpop_proof");
        assertRefused(
                graphql(
                        auth,
                        new DefaultDPoPProofFactory(otherKey, JWSAlgorithm.ES256)
                                .createDPoPJWT(jti, "POST", graphqlEndpoint, now, token, nonce)),
                401,
                "invalid_token");
        Http.Res ok = graphql(auth, proofs.createDPoPJWT(jti, "POST", graphqlEndpoint, now, token, nonce));
        assertEquals(200, ok.status(), ok.body());
        assertRefused(
                graphql(auth, proofs.createDPoPJWT(jti, "POST", graphqlEndpoint, now, token, nonce)),
                401,
                "invalid_dpop_proof");
    }

    /**
     * The URL a proof is for is the public URL's: a proof for another host (a phishing site that
     * replays it to us with its own Host header) is refused, whatever Host the request names.
     */
    @Test
    void aProofForAnotherHostIsRefusedWhateverTheHostHeaderSays() throws Exception {
        DPoPAccessToken token = boundToken();
        Nonce nonce = graphqlNonce(token);
        URI base = URI.create(ItEnv.baseUrl());
        String host = "phish.example:" + base.getPort();
        SignedJWT proof = proofs.createDPoPJWT("POST", URI.create("http://" + host + "/graphql"), token, nonce);
        byte[] body = Json.createObjectBuilder()
                .add("query", QUERY)
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        String answer;
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            String head = "POST /graphql HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: "
                    + token.toAuthorizationHeader() + "\r\nDPoP: " + proof.serialize()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            socket.getOutputStream().flush();
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(answer.startsWith("HTTP/1.1 401"), answer);
        assertTrue(answer.contains("invalid_dpop_proof"), answer);
    }

    /**
     * A proof built by hand, to break rules a library does not let one break: any header
     * {@code jwk}, {@code typ} and {@code alg} ({@code none} gets no signature), signed ES256.
     */
    private static String handMade(
            ECKey signer, Map<String, Object> jwk, String typ, String alg, AccessToken token, Nonce nonce)
            throws Exception {
        Map<String, Object> header = Map.of("alg", alg, "typ", typ, "jwk", jwk);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .jwtID(new JWTID().getValue())
                .claim("htm", "POST")
                .claim("htu", graphqlEndpoint.toString())
                .issueTime(new Date())
                .claim(
                        "ath",
                        Base64URL.encode(MessageDigest.getInstance("SHA-256")
                                        .digest(token.getValue().getBytes(StandardCharsets.US_ASCII)))
                                .toString())
                .claim("nonce", nonce.getValue())
                .build();
        String input =
                Base64URL.encode(JSONObjectUtils.toJSONString(header)) + "." + Base64URL.encode(claims.toString());
        if (alg.equals("none")) {
            return input + ".";
        }
        return input + "."
                + new ECDSASigner(signer)
                        .sign(new JWSHeader(JWSAlgorithm.ES256), input.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void theTokenEndpointRefusesBrokenProofsAndTakesPs256() throws Exception {
        Nonce nonce = nonce();
        // a proof for another endpoint
        HTTPRequest request = new TokenRequest(
                        tokenEndpoint, secret(), new ClientCredentialsGrant(), new Scope("graphql"))
                .toHTTPRequest();
        request.setDPoP(proofs.createDPoPJWT("POST", URI.create(ItEnv.baseUrl() + "/oauth2/revoke"), nonce));
        HTTPResponse wrongUrl = request.send();
        assertEquals(400, wrongUrl.getStatusCode(), wrongUrl.getBody());
        assertEquals(
                "invalid_dpop_proof",
                TokenErrorResponse.parse(wrongUrl).getErrorObject().getCode());
        // a replayed proof
        SignedJWT once = proofs.createDPoPJWT("POST", tokenEndpoint, nonce);
        request = new TokenRequest(tokenEndpoint, secret(), new ClientCredentialsGrant(), new Scope("graphql"))
                .toHTTPRequest();
        request.setDPoP(once);
        HTTPResponse first = request.send();
        assertEquals(200, first.getStatusCode(), first.getBody());
        Secrets.note(
                AccessTokenResponse.parse(first).getTokens().getAccessToken().getValue());
        HTTPResponse replay = request.send();
        assertEquals(400, replay.getStatusCode(), replay.getBody());
        assertEquals(
                "invalid_dpop_proof",
                TokenErrorResponse.parse(replay).getErrorObject().getCode());
        // PS256 with an RSA key
        DPoPProofFactory rsa = new DefaultDPoPProofFactory(rsaKey, JWSAlgorithm.PS256);
        HTTPResponse ps256 = tokenRequest(secret(), new ClientCredentialsGrant(), rsa, nonce);
        assertEquals(200, ps256.getStatusCode(), ps256.getBody());
        DPoPAccessToken token = assertInstanceOf(
                DPoPAccessToken.class,
                AccessTokenResponse.parse(ps256).getTokens().getAccessToken());
        Secrets.note(token.getValue());
        Http.Res ok = graphql(token.toAuthorizationHeader(), rsa.createDPoPJWT("POST", graphqlEndpoint, token, nonce));
        assertEquals(200, ok.status(), ok.body());
        // without a proof the same client still gets a bearer token
        HTTPResponse bearer = tokenRequest(secret(), new ClientCredentialsGrant(), null, null);
        assertEquals(200, bearer.getStatusCode(), bearer.getBody());
        AccessToken plain = AccessTokenResponse.parse(bearer).getTokens().getAccessToken();
        Secrets.note(plain.getValue());
        assertFalse(plain instanceof DPoPAccessToken);
        assertRefused(
                graphql("DPoP " + plain.getValue(), rsa.createDPoPJWT("POST", graphqlEndpoint, plain, nonce)),
                401,
                "invalid_token");
    }

    @Test
    void introspectionAndDiscoveryNameTheBinding() throws Exception {
        DPoPAccessToken token = boundToken();
        TokenIntrospectionResponse response = TokenIntrospectionResponse.parse(
                new TokenIntrospectionRequest(URI.create(ItEnv.baseUrl() + "/oauth2/introspect"), secret(), token)
                        .toHTTPRequest()
                        .send());
        assertTrue(response.indicatesSuccess());
        TokenIntrospectionSuccessResponse success = response.toSuccessResponse();
        assertTrue(success.isActive());
        assertEquals("DPoP", success.getTokenType().getValue());
        assertEquals(
                ecKey.computeThumbprint(),
                success.getJWKThumbprintConfirmation().getValue());

        JsonObject metadata =
                Http.get("/.well-known/oauth-authorization-server", null).json();
        assertEquals(
                List.of("ES256", "PS256"),
                metadata
                        .getJsonArray("dpop_signing_alg_values_supported")
                        .getValuesAs(jakarta.json.JsonString.class)
                        .stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList());
    }

    @Test
    void aPublicClientsRefreshTokenIsBoundToItsKey() throws Exception {
        String user = Fixtures.graphqlUser();
        ClientID clientId =
                OAuthFlowIT.nativeApplication(user, List.of("graphql", "offline_access"), "http://127.0.0.1/cb");
        URI redirect = URI.create("http://127.0.0.1:51235/cb");
        CodeVerifier verifier = new CodeVerifier();
        Browser browser = new Browser();
        browser.get(new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), clientId)
                .endpointURI(URI.create(ItEnv.issuer() + "/oauth2/authorize"))
                .redirectionURI(redirect)
                .scope(Scope.parse("graphql offline_access"))
                .state(new State())
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI()
                .toString());
        HttpResponse<String> afterLogin = browser.get(Browser.location(browser.login(user, Fixtures.PASSWORD + user)));
        String consentUrl = Browser.location(afterLogin);
        assertEquals(200, browser.get(consentUrl).statusCode());
        AuthorizationResponse answer =
                AuthorizationResponse.parse(URI.create(Browser.location(browser.decide(consentUrl, true))));
        Nonce nonce = nonce();
        HTTPResponse exchanged = tokenRequest(
                clientId,
                new AuthorizationCodeGrant(answer.toSuccessResponse().getAuthorizationCode(), redirect, verifier),
                proofs,
                nonce);
        assertEquals(200, exchanged.getStatusCode(), exchanged.getBody());
        AccessTokenResponse tokens = AccessTokenResponse.parse(exchanged);
        Secrets.note(tokens.getTokens().getAccessToken().getValue());
        RefreshToken refresh = tokens.getTokens().getRefreshToken();
        assertNotNull(refresh);
        Secrets.note(refresh.getValue());
        assertInstanceOf(DPoPAccessToken.class, tokens.getTokens().getAccessToken());

        // without a proof, or with another key's: refused, and the token stays usable
        HTTPResponse unproven = tokenRequest(clientId, new RefreshTokenGrant(refresh), null, null);
        assertEquals(400, unproven.getStatusCode(), unproven.getBody());
        assertEquals(
                "invalid_dpop_proof",
                TokenErrorResponse.parse(unproven).getErrorObject().getCode());
        HTTPResponse otherKeys = tokenRequest(
                clientId,
                new RefreshTokenGrant(refresh),
                new DefaultDPoPProofFactory(otherKey, JWSAlgorithm.ES256),
                nonce);
        assertEquals(400, otherKeys.getStatusCode(), otherKeys.getBody());
        assertEquals(
                "invalid_grant",
                TokenErrorResponse.parse(otherKeys).getErrorObject().getCode());

        HTTPResponse refreshed = tokenRequest(clientId, new RefreshTokenGrant(refresh), proofs, nonce);
        assertEquals(200, refreshed.getStatusCode(), refreshed.getBody());
        AccessTokenResponse next = AccessTokenResponse.parse(refreshed);
        Secrets.note(next.getTokens().getRefreshToken().getValue());
        DPoPAccessToken access =
                assertInstanceOf(DPoPAccessToken.class, next.getTokens().getAccessToken());
        Secrets.note(access.getValue());
        assertNotEquals(refresh, next.getTokens().getRefreshToken(), "rotated");
        Http.Res ok =
                graphql(access.toAuthorizationHeader(), proofs.createDPoPJWT("POST", graphqlEndpoint, access, nonce));
        assertEquals(200, ok.status(), ok.body());
    }

    @Test
    void twoProofsInOneRequestAreRefused() throws Exception {
        DPoPAccessToken token = boundToken();
        Nonce nonce = graphqlNonce(token);
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(graphqlEndpoint)
                                .header("Authorization", token.toAuthorizationHeader())
                                .header(
                                        "DPoP",
                                        proofs.createDPoPJWT("POST", graphqlEndpoint, token, nonce)
                                                .serialize())
                                .header(
                                        "DPoP",
                                        proofs.createDPoPJWT("POST", graphqlEndpoint, token, nonce)
                                                .serialize())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"query\":\"" + QUERY.replace("\"", "\\\"") + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(401, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_dpop_proof"));
    }
}
