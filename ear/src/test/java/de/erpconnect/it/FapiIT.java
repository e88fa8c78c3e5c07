package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.dpop.DPoPProofFactory;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import de.erpconnect.it.OAuthFlowIT.Setup;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The FAPI 2.0 switch of an application, driven by the Nimbus OAuth 2.0 SDK as a partner app's
 * client library: switching on needs registered keys, revokes the application's grants and every
 * token issued before; under the switch only private_key_jwt with the issuer as audience, pushed
 * authorization requests and DPoP-bound tokens are accepted, each refusal naming the rule;
 * switching off issues a new secret. The whole flow in Chromium is in {@link PartnerSignInIT}.
 */
@ExtendWith(ArquillianExtension.class)
class FapiIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItEnv.ear();
    }

    /** The application's key, registered; the switch turned on through the admin REST. */
    static ECKey switchOn(Setup s) throws Exception {
        ECKey key = ClientAssertionIT.registeredKey(s.app(), "fapi-1");
        String id = s.app().getJsonNumber("id").toString();
        Http.Res on = Http.json("PUT", "/api/admin/applications/" + id + "/fapi2", Http.admin(), "");
        assertEquals(200, on.status(), on.body());
        JsonObject view = on.json();
        assertTrue(view.getBoolean("fapi2"), on.body());
        assertNotNull(view.getString("fapi2Since"));
        assertTrue(view.getBoolean("requirePushedAuthorizationRequests"), "FAPI 2.0 requires PAR");
        assertEquals("private_key_jwt", view.getString("authMethod"));
        // no token is issued within the switch's own second (slow_down): a partner app's next request waits
        long next = (Instant.parse(view.getString("fapi2Since")).getEpochSecond() + 1) * 1000;
        Thread.sleep(Math.max(0, next - System.currentTimeMillis()) + 50);
        return key;
    }

    /** Whether introspection by the application itself says the token is active. */
    static TokenIntrospectionSuccessResponse introspected(Setup s, ClientAuthentication auth, AccessToken token)
            throws Exception {
        TokenIntrospectionResponse response = TokenIntrospectionResponse.parse(
                new TokenIntrospectionRequest(URI.create(ItEnv.baseUrl() + "/oauth2/introspect"), auth, token)
                        .toHTTPRequest()
                        .send());
        assertTrue(
                response.indicatesSuccess(),
                () -> response.toErrorResponse().getErrorObject().toString());
        return response.toSuccessResponse();
    }

    /** A fresh ES256 client assertion with the issuer as audience, as FAPI 2.0 asks. */
    static ClientAuthentication assertion(Setup s, ECKey key) throws Exception {
        return ClientAssertionIT.es256(s.app().getString("clientId"), key);
    }

    /** A token request of {@code grant} with a proof of {@code proofs} (none when null). */
    static HTTPResponse tokenRequest(
            Setup s, ClientAuthentication auth, AuthorizationGrant grant, DPoPProofFactory proofs, Nonce nonce)
            throws Exception {
        return DpopIT.send(
                new TokenRequest(s.metadata().getTokenEndpointURI(), auth, grant).toHTTPRequest(), proofs, nonce);
    }

    static ErrorObject error(HTTPResponse response) throws Exception {
        return TokenErrorResponse.parse(response).getErrorObject();
    }

    @Test
    void switchingOnNeedsKeysThenRevokesTheGrantsAndEveryEarlierToken() throws Exception {
        Setup s = OAuthFlowIT.setup(List.of("graphql", "offline_access"));
        String id = s.app().getJsonNumber("id").toString();
        AccessTokenResponse signedIn = OAuthFlowIT.fullFlow(s, new Browser());
        String clientToken = Fixtures.token(s.app());
        assertEquals(200, OAuthFlowIT.graphqlStatus(signedIn));
        // a token bound to a key, but issued before the switch (with the secret)
        DPoPProofFactory earlierProofs =
                new DefaultDPoPProofFactory(new ECKeyGenerator(Curve.P_256).generate(), JWSAlgorithm.ES256);
        DPoPAccessToken earlierBound = DpopIT.boundToken(s.auth(), earlierProofs);
        Nonce earlierNonce = DpopIT.nonce(s.auth(), earlierProofs);
        assertEquals(
                200,
                DpopIT.graphql(
                                earlierBound.toAuthorizationHeader(),
                                earlierProofs.createDPoPJWT("POST", DpopIT.graphqlEndpoint, earlierBound, earlierNonce))
                        .status());

        Http.Res noKeys = Http.json("PUT", "/api/admin/applications/" + id + "/fapi2", Http.admin(), "");
        assertEquals(400, noKeys.status(), noKeys.body());
        assertTrue(noKeys.body().contains("register the partner app's public keys"), noKeys.body());
        assertFalse(
                Http.get("/api/admin/applications/" + id, Http.admin()).json().getBoolean("fapi2"));

        ECKey key = switchOn(s);
        assertEquals(401, OAuthFlowIT.graphqlStatus(signedIn), "the access token of the earlier sign-in");
        assertEquals(401, Http.graphql(clientToken, GraphqlAccessIT.QUERY).status(), "an earlier client token");
        assertEquals(
                401,
                DpopIT.graphql(
                                earlierBound.toAuthorizationHeader(),
                                earlierProofs.createDPoPJWT("POST", DpopIT.graphqlEndpoint, earlierBound, earlierNonce))
                        .status(),
                "an earlier DPoP-bound token");
        assertFalse(introspected(s, assertion(s, key), earlierBound).isActive(), "introspection agrees");
        DPoPProofFactory proofs = new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256);
        Nonce nonce = DpopIT.nonce(assertion(s, key), proofs);
        HTTPResponse refresh = tokenRequest(
                s, assertion(s, key), new RefreshTokenGrant(signedIn.getTokens().getRefreshToken()), proofs, nonce);
        assertEquals(400, refresh.getStatusCode(), refresh.getBody());
        assertEquals("invalid_grant", error(refresh).getCode(), "the grant was revoked");
        assertEquals(
                List.of(),
                Http.get("/api/admin/grants?application=" + id, Http.admin())
                        .json()
                        .getJsonArray("items"),
                "no grant of the application is left");
        Http.Res revoked = Http.get("/api/admin/grants?revoked=true&application=" + id, Http.admin());
        assertEquals(
                List.of("FAPI 2.0 switched on"),
                revoked.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                        .map(g -> g.getString("revokedReason"))
                        .toList(),
                revoked.body());

        // what the profile requires cannot be loosened while the switch is on
        Http.Res noPar = Http.json(
                "PUT", "/api/admin/applications/" + id, Http.admin(), "{\"requirePushedAuthorizationRequests\":false}");
        assertEquals(400, noPar.status(), noPar.body());
        assertTrue(noPar.body().contains("FAPI 2.0 requires pushed authorization requests"), noPar.body());
        Http.Res secret = Http.json("POST", "/api/admin/applications/" + id + "/secret", Http.admin(), "{}");
        assertEquals(400, secret.status(), secret.body());
        assertTrue(secret.body().contains("FAPI 2.0 allows no client secret"), secret.body());
        assertFalse(secret.body().contains("clientSecret\":\""), secret.body());
    }

    @Test
    void underTheSwitchOnlyWhatTheProfileAllowsIsAccepted() throws Exception {
        Setup s = OAuthFlowIT.setup(List.of("graphql", "offline_access"));
        ECKey key = switchOn(s);
        DefaultDPoPProofFactory proofs =
                new DefaultDPoPProofFactory(new ECKeyGenerator(Curve.P_256).generate(), JWSAlgorithm.ES256);
        Nonce nonce = DpopIT.nonce(assertion(s, key), proofs);

        HTTPResponse bearer = tokenRequest(s, assertion(s, key), new ClientCredentialsGrant(), null, null);
        assertEquals(400, bearer.getStatusCode(), bearer.getBody());
        assertEquals("invalid_dpop_proof", error(bearer).getCode());
        assertTrue(
                error(bearer).getDescription().startsWith("FAPI 2.0:"),
                error(bearer).getDescription());

        // RFC 7523 allows the endpoint's URL as audience; FAPI 2.0 the issuer alone
        Date now = new Date();
        PrivateKeyJWT endpointAudience = new PrivateKeyJWT(
                new JWTAuthenticationClaimsSet(
                        s.clientId(),
                        new Audience(s.metadata().getTokenEndpointURI().toString()).toSingleAudienceList(),
                        new Date(now.getTime() + 30_000),
                        null,
                        now,
                        new JWTID()),
                JWSAlgorithm.ES256,
                key.toECPrivateKey(),
                key.getKeyID(),
                null);
        HTTPResponse wrongAudience = tokenRequest(s, endpointAudience, new ClientCredentialsGrant(), proofs, nonce);
        assertEquals(401, wrongAudience.getStatusCode(), wrongAudience.getBody());
        assertEquals("invalid_client", error(wrongAudience).getCode());
        assertTrue(
                error(wrongAudience).getDescription().startsWith("FAPI 2.0: the client assertion's aud"),
                error(wrongAudience).getDescription());

        HTTPResponse bound = tokenRequest(s, assertion(s, key), new ClientCredentialsGrant(), proofs, nonce);
        assertEquals(200, bound.getStatusCode(), bound.getBody());
        DPoPAccessToken token = assertInstanceOf(
                DPoPAccessToken.class,
                AccessTokenResponse.parse(bound).getTokens().getAccessToken());
        Secrets.note(token.getValue());
        Http.Res data = DpopIT.graphql(
                token.toAuthorizationHeader(), proofs.createDPoPJWT("POST", DpopIT.graphqlEndpoint, token, nonce));
        assertEquals(200, data.status(), data.body());
        TokenIntrospectionSuccessResponse active = introspected(s, assertion(s, key), token);
        assertTrue(active.isActive());
        assertEquals(
                proofs.getPublicJWK().computeThumbprint(),
                active.getJWKThumbprintConfirmation().getValue());

        // an authorization request on the front channel is refused after the login, back to the app
        CodeVerifier verifier = new CodeVerifier();
        HttpResponse<String> refused = ParIT.loggedIn(
                new Browser(),
                s,
                OAuthFlowIT.authorize(s, verifier, new State(), "graphql").toString());
        assertEquals(303, refused.statusCode(), refused.body());
        AuthorizationResponse answer = AuthorizationResponse.parse(URI.create(Browser.location(refused)));
        assertFalse(answer.indicatesSuccess());
        assertEquals(
                "invalid_request", answer.toErrorResponse().getErrorObject().getCode());
        assertTrue(
                answer.toErrorResponse()
                        .getErrorObject()
                        .getDescription()
                        .startsWith("FAPI 2.0 requires pushed authorization requests"),
                answer.toErrorResponse().getErrorObject().getDescription());
    }

    @Test
    void switchingOffIssuesANewSecretShownOnce() throws Exception {
        Setup s = OAuthFlowIT.setup(List.of("graphql"));
        String id = s.app().getJsonNumber("id").toString();
        switchOn(s);
        // a GET and PUT of the application while the switch is on sends PAR back as required
        Http.Res roundTrip = Http.json(
                "PUT", "/api/admin/applications/" + id, Http.admin(), "{\"requirePushedAuthorizationRequests\":true}");
        assertEquals(200, roundTrip.status(), roundTrip.body());
        Http.Res off = Http.delete("/api/admin/applications/" + id + "/fapi2", Http.admin());
        assertEquals(200, off.status(), off.body());
        assertEquals("no-store", off.header("Cache-Control"));
        JsonObject view = off.json();
        assertFalse(view.getBoolean("fapi2"));
        assertEquals("client_secret_basic", view.getString("authMethod"));
        assertFalse(view.getBoolean("requirePushedAuthorizationRequests"), "PAR as chosen before the switch");
        assertEquals(List.of(), view.getJsonArray("keys"));
        String secret = view.getString("clientSecret");
        Secrets.note(secret);
        String token = Fixtures.token(s.app().getString("clientId"), secret, "graphql");
        assertEquals(200, Http.graphql(token, GraphqlAccessIT.QUERY).status(), "a bearer token works again");
        assertFalse(
                Http.get("/api/admin/applications/" + id, Http.admin()).body().contains(secret),
                "the secret is shown once");

        Http.Res again = Http.delete("/api/admin/applications/" + id + "/fapi2", Http.admin());
        assertEquals(400, again.status(), again.body());
        assertTrue(again.body().contains("FAPI 2.0 is not switched on"), again.body());
    }
}
