package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
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
 * The authorization-code flow end to end (DESIGN §6): a user's browser over HTTP (FORM login,
 * consent page, redirect) and the Nimbus OAuth 2.0 SDK as an independent standards client for
 * discovery, code exchange with PKCE, refresh rotation, revocation and introspection.
 */
@ExtendWith(ArquillianExtension.class)
class OAuthFlowIT {

    static final URI CALLBACK = URI.create("https://partner.example.com/cb");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItEnv.ear();
    }

    /** A user with GraphQL access, an application for it, and the metadata from discovery. */
    record Setup(String user, JsonObject app, AuthorizationServerMetadata metadata) {

        ClientID clientId() {
            return new ClientID(app.getString("clientId"));
        }

        ClientAuthentication auth() {
            return new ClientSecretBasic(clientId(), new Secret(app.getString("clientSecret")));
        }

        String password() {
            return Fixtures.PASSWORD + user;
        }
    }

    static Setup setup(List<String> scopes) throws Exception {
        String user = Fixtures.graphqlUser();
        JsonObject app = Fixtures.application(user, scopes, null);
        return new Setup(user, app, AuthorizationServerMetadata.resolve(new Issuer(ItEnv.issuer())));
    }

    static URI authorize(Setup s, CodeVerifier verifier, State state, String scope) {
        return new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), s.clientId())
                .endpointURI(s.metadata().getAuthorizationEndpointURI())
                .redirectionURI(CALLBACK)
                .scope(Scope.parse(scope))
                .state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    /** Login and consent in the browser; returns the redirect back to the application. */
    static AuthorizationResponse loginAndConsent(Browser browser, Setup s, URI authorizationRequest, boolean allow)
            throws Exception {
        HttpResponse<String> first = browser.get(authorizationRequest.toString());
        assertEquals(302, first.statusCode());
        assertEquals(ItEnv.issuer() + "/login.xhtml", Browser.location(first));
        HttpResponse<String> back = browser.login(s.user(), s.password());
        HttpResponse<String> afterLogin = browser.get(Browser.location(back));
        assertEquals(303, afterLogin.statusCode(), afterLogin.body());
        String consentUrl = Browser.location(afterLogin);
        assertTrue(consentUrl.startsWith(ItEnv.issuer() + "/auth/consent.xhtml?request="), consentUrl);
        HttpResponse<String> consent = browser.get(consentUrl);
        assertEquals(200, consent.statusCode(), consent.body());
        assertTrue(consent.body().contains(s.app().getString("name")), "the page names the application");
        assertTrue(consent.body().contains("Eigene Anwendung"));
        assertTrue(consent.body().contains("ERP-Daten lesen (GraphQL)"), "the scopes in German");
        HttpResponse<String> answer = browser.decide(consentUrl, allow);
        assertEquals(303, answer.statusCode(), answer.body());
        return AuthorizationResponse.parse(URI.create(Browser.location(answer)));
    }

    static AccessTokenResponse exchange(Setup s, AuthorizationCode code, CodeVerifier verifier) throws Exception {
        TokenResponse response = tokenRequest(s, new AuthorizationCodeGrant(code, CALLBACK, verifier));
        assertTrue(
                response.indicatesSuccess(),
                () -> response.toErrorResponse().getErrorObject().toString());
        AccessTokenResponse tokens = response.toSuccessResponse();
        Secrets.note(tokens.getTokens().getAccessToken().getValue());
        if (tokens.getTokens().getRefreshToken() != null) {
            Secrets.note(tokens.getTokens().getRefreshToken().getValue());
        }
        return tokens;
    }

    static TokenResponse tokenRequest(Setup s, AuthorizationGrant grant) throws Exception {
        return tokenRequest(s, grant, null);
    }

    static TokenResponse tokenRequest(Setup s, AuthorizationGrant grant, Scope scope) throws Exception {
        HTTPResponse http = new TokenRequest(s.metadata().getTokenEndpointURI(), s.auth(), grant, scope)
                .toHTTPRequest()
                .send();
        assertEquals("no-store", http.getHeaderValue("Cache-Control"));
        return TokenResponse.parse(http);
    }

    /** The answers of {@code n} threads that send the same request at the same moment. */
    static <T> List<T> atOnce(int n, Callable<T> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }

    static int graphqlStatus(AccessTokenResponse tokens) {
        return Http.graphql(tokens.getTokens().getAccessToken().getValue(), GraphqlAccessIT.QUERY)
                .status();
    }

    static AccessTokenResponse fullFlow(Setup s, Browser browser) throws Exception {
        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        AuthorizationResponse response =
                loginAndConsent(browser, s, authorize(s, verifier, state, "graphql offline_access"), true);
        assertTrue(response.indicatesSuccess(), response.toString());
        assertEquals(state, response.getState());
        assertEquals(ItEnv.issuer(), response.toSuccessResponse().getIssuer().getValue(), "RFC 9207 iss");
        return exchange(s, response.toSuccessResponse().getAuthorizationCode(), verifier);
    }

    @Test
    void discoveryDescribesTheWholeServer() throws Exception {
        AuthorizationServerMetadata m = AuthorizationServerMetadata.resolve(new Issuer(ItEnv.issuer()));
        assertEquals(URI.create(ItEnv.issuer() + "/oauth2/authorize"), m.getAuthorizationEndpointURI());
        assertEquals(URI.create(ItEnv.issuer() + "/oauth2/revoke"), m.getRevocationEndpointURI());
        assertEquals(URI.create(ItEnv.issuer() + "/oauth2/introspect"), m.getIntrospectionEndpointURI());
        assertEquals(List.of(CodeChallengeMethod.S256), m.getCodeChallengeMethods());
        assertTrue(m.getGrantTypes().toString().contains("refresh_token"));
        assertTrue(m.supportsAuthorizationResponseIssuerParam());
    }

    @Test
    void theWholeFlowGivesTokensThatWorkOnGraphql() throws Exception {
        Setup s = setup(List.of("graphql", "offline_access"));
        AccessTokenResponse tokens = fullFlow(s, new Browser());
        assertNotNull(tokens.getTokens().getRefreshToken(), "offline_access gives a refresh token");
        assertEquals(
                Scope.parse("graphql offline_access"),
                tokens.getTokens().getAccessToken().getScope());
        assertEquals(200, graphqlStatus(tokens));

        Http.Res grants = Http.get("/api/admin/grants?user=" + s.user(), Http.admin());
        assertEquals(1, grants.json().getInt("total"), grants.body());
        JsonObject grant = grants.json().getJsonArray("items").getJsonObject(0);
        assertEquals(s.app().getString("name"), grant.getString("applicationName"));
        assertEquals("graphql offline_access", grant.getString("scopes"));
    }

    @Test
    void withoutOfflineAccessThereIsNoRefreshToken() throws Exception {
        Setup s = setup(List.of("graphql", "offline_access"));
        Browser browser = new Browser();
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationResponse r = loginAndConsent(browser, s, authorize(s, verifier, new State(), "graphql"), true);
        AccessTokenResponse tokens = exchange(s, r.toSuccessResponse().getAuthorizationCode(), verifier);
        assertNull(tokens.getTokens().getRefreshToken());
    }

    @Test
    void aRememberedConsentSkipsTheConsentPage() throws Exception {
        Setup s = setup(List.of("graphql", "offline_access"));
        Browser browser = new Browser();
        fullFlow(s, browser);
        CodeVerifier verifier = new CodeVerifier();
        HttpResponse<String> again =
                browser.get(authorize(s, verifier, new State(), "graphql").toString());
        assertEquals(303, again.statusCode());
        AuthorizationResponse r = AuthorizationResponse.parse(URI.create(Browser.location(again)));
        assertTrue(r.indicatesSuccess(), "no consent page for scopes already granted");
        exchange(s, r.toSuccessResponse().getAuthorizationCode(), verifier);
    }

    /**
     * Ten "Zulassen" of one consent page at the same moment (a user's clicks, a resubmitted form):
     * every answer sends the browser to the partner app with the same code, or says the request was
     * answered; one code exists, and it works once.
     */
    @Test
    void concurrentAllowsOfOneRequestYieldOneCode() throws Exception {
        Setup s = setup(List.of("graphql"));
        Browser browser = new Browser();
        CodeVerifier verifier = new CodeVerifier();
        HttpResponse<String> first =
                browser.get(authorize(s, verifier, new State(), "graphql").toString());
        assertEquals(302, first.statusCode());
        HttpResponse<String> afterLogin = browser.get(Browser.location(browser.login(s.user(), s.password())));
        String consentUrl = Browser.location(afterLogin);
        String request = consentUrl.substring(consentUrl.indexOf("request=") + 8);
        List<HttpResponse<String>> answers =
                atOnce(10, () -> browser.post("/oauth2/consent", Map.of("request", request, "decision", "allow")));
        Set<String> codes = new HashSet<>();
        for (HttpResponse<String> answer : answers) {
            if (answer.statusCode() == 303) {
                AuthorizationResponse r = AuthorizationResponse.parse(URI.create(Browser.location(answer)));
                codes.add(r.toSuccessResponse().getAuthorizationCode().getValue());
            } else {
                assertEquals(400, answer.statusCode(), answer.body());
                assertTrue(answer.body().contains("bereits beantwortet"), answer.body());
            }
        }
        assertEquals(1, codes.size(), codes.toString());
        String code = Secrets.note(codes.iterator().next());
        exchange(s, new AuthorizationCode(code), verifier);
        assertFalse(tokenRequest(s, new AuthorizationCodeGrant(new AuthorizationCode(code), CALLBACK, verifier))
                .indicatesSuccess());
    }

    @Test
    void denyingReturnsAccessDeniedWithState() throws Exception {
        Setup s = setup(List.of("graphql"));
        State state = new State();
        AuthorizationResponse r =
                loginAndConsent(new Browser(), s, authorize(s, new CodeVerifier(), state, "graphql"), false);
        assertFalse(r.indicatesSuccess());
        assertEquals("access_denied", r.toErrorResponse().getErrorObject().getCode());
        assertEquals(state, r.getState());
    }

    @Test
    void unknownClientsAndUnregisteredRedirectUrisAreShownNotRedirected() throws Exception {
        Setup s = setup(List.of("graphql"));
        Browser browser = new Browser();
        browser.get(authorize(s, new CodeVerifier(), new State(), "graphql").toString());
        browser.login(s.user(), s.password());
        HttpResponse<String> unknown = browser.get("/oauth2/authorize?response_type=code&client_id=ec-nobody"
                + "&redirect_uri=https%3A%2F%2Fevil.example.com%2Fcb&code_challenge=x&code_challenge_method=S256");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.headers().firstValue("Location").isEmpty(), "never redirected");
        assertTrue(unknown.body().contains("Anmeldung nicht möglich"));
        HttpResponse<String> evil = browser.get("/oauth2/authorize?response_type=code&client_id=" + s.clientId()
                + "&redirect_uri=https%3A%2F%2Fevil.example.com%2Fcb&code_challenge=x&code_challenge_method=S256");
        assertEquals(400, evil.statusCode());
        assertTrue(evil.headers().firstValue("Location").isEmpty());
        assertTrue(
                evil.body()
                        .contains(
                                "Die Rücksprungadresse (redirect_uri) ist für diese Anwendung nicht" + " registriert."),
                evil.body());
    }

    @Test
    void pkceIsMandatoryAndS256Only() throws Exception {
        Setup s = setup(List.of("graphql"));
        Browser browser = new Browser();
        browser.get(authorize(s, new CodeVerifier(), new State(), "graphql").toString());
        browser.login(s.user(), s.password());
        String base = "/oauth2/authorize?response_type=code&client_id=" + s.clientId()
                + "&redirect_uri=https%3A%2F%2Fpartner.example.com%2Fcb&state=s1";
        for (String query : List.of(
                "",
                "&code_challenge=" + "a".repeat(43) + "&code_challenge_method=plain",
                "&code_challenge=" + "a".repeat(43))) {
            HttpResponse<String> r = browser.get(base + query);
            assertEquals(303, r.statusCode());
            AuthorizationResponse response = AuthorizationResponse.parse(URI.create(Browser.location(r)));
            assertEquals(
                    "invalid_request",
                    response.toErrorResponse().getErrorObject().getCode(),
                    query);
            assertEquals("s1", response.getState().getValue());
        }
        HttpResponse<String> token = browser.get(base.replace("response_type=code", "response_type=token")
                + "&code_challenge=" + "a".repeat(43) + "&code_challenge_method=S256");
        assertEquals(
                "unsupported_response_type",
                AuthorizationResponse.parse(URI.create(Browser.location(token)))
                        .toErrorResponse()
                        .getErrorObject()
                        .getCode());

        CodeVerifier verifier = new CodeVerifier();
        AuthorizationResponse consented =
                loginAndConsent(new Browser(), s, authorize(s, verifier, new State(), "graphql"), true);
        TokenResponse wrong = tokenRequest(
                s,
                new AuthorizationCodeGrant(
                        consented.toSuccessResponse().getAuthorizationCode(), CALLBACK, new CodeVerifier()));
        assertEquals(
                "invalid_grant", ((TokenErrorResponse) wrong).getErrorObject().getCode());
    }

    @Test
    void aReplayedCodeFailsAndRevokesTheTokensIssuedFromIt() throws Exception {
        Setup s = setup(List.of("graphql", "offline_access"));
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationResponse r =
                loginAndConsent(new Browser(), s, authorize(s, verifier, new State(), "graphql offline_access"), true);
        AuthorizationCode code = r.toSuccessResponse().getAuthorizationCode();
        AccessTokenResponse first = exchange(s, code, verifier);
        assertEquals(200, graphqlStatus(first));
        TokenResponse replay = tokenRequest(s, new AuthorizationCodeGrant(code, CALLBACK, verifier));
        assertEquals(
                "invalid_grant", ((TokenErrorResponse) replay).getErrorObject().getCode());
        assertEquals(401, graphqlStatus(first), "the tokens of a replayed code are revoked at once");
        TokenResponse refresh =
                tokenRequest(s, new RefreshTokenGrant(first.getTokens().getRefreshToken()));
        assertFalse(refresh.indicatesSuccess());
    }

    @Test
    void concurrentRedemptionsOfOneCodeLetExactlyOneSucceed() throws Exception {
        Setup s = setup(List.of("graphql"));
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationResponse r =
                loginAndConsent(new Browser(), s, authorize(s, verifier, new State(), "graphql"), true);
        AuthorizationCode code = r.toSuccessResponse().getAuthorizationCode();
        int successes = 0;
        for (TokenResponse t :
                atOnce(10, () -> tokenRequest(s, new AuthorizationCodeGrant(code, CALLBACK, verifier)))) {
            if (t.indicatesSuccess()) {
                Secrets.note(t.toSuccessResponse().getTokens().getAccessToken().getValue());
                successes++;
            }
        }
        assertEquals(1, successes);
    }

    @Test
    void refreshTokensRotateAndReuseRevokesTheWholeGrant() throws Exception {
        Setup s = setup(List.of("graphql", "offline_access"));
        AccessTokenResponse first = fullFlow(s, new Browser());
        RefreshToken r1 = first.getTokens().getRefreshToken();
        AccessTokenResponse second = (AccessTokenResponse) tokenRequest(s, new RefreshTokenGrant(r1));
        Secrets.note(second.getTokens().getAccessToken().getValue());
        RefreshToken r2 = Secrets.noteRefresh(second.getTokens().getRefreshToken());
        assertNotEquals(r1, r2, "rotation");
        assertEquals(200, graphqlStatus(second));

        TokenResponse retry = tokenRequest(s, new RefreshTokenGrant(r1));
        assertTrue(retry.indicatesSuccess(), "a retry within the grace window (2 s here) is accepted");
        assertEquals(
                r2,
                Secrets.noteRefresh(retry.toSuccessResponse().getTokens().getRefreshToken()),
                "the retry gets the successor it lost, not a second branch");
        Thread.sleep(2_500);
        TokenResponse reuse = tokenRequest(s, new RefreshTokenGrant(r1));
        assertEquals(
                "invalid_grant", ((TokenErrorResponse) reuse).getErrorObject().getCode());
        assertEquals(401, graphqlStatus(second), "reuse revokes the whole grant");
        assertFalse(tokenRequest(s, new RefreshTokenGrant(r2)).indicatesSuccess());
    }

    @Test
    void concurrentUsesOfOneRefreshTokenRotateItOnce() throws Exception {
        Setup s = setup(List.of("graphql", "offline_access"));
        RefreshToken r1 = fullFlow(s, new Browser()).getTokens().getRefreshToken();
        Set<RefreshToken> successors = new HashSet<>();
        for (TokenResponse t : atOnce(8, () -> tokenRequest(s, new RefreshTokenGrant(r1)))) {
            assertTrue(t.indicatesSuccess(), "eight uses within the grace window (2 s here) are one use and retries");
            Secrets.note(t.toSuccessResponse().getTokens().getAccessToken().getValue());
            successors.add(Secrets.noteRefresh(t.toSuccessResponse().getTokens().getRefreshToken()));
        }
        assertEquals(1, successors.size(), "the chain advanced exactly once: every answer carries the same successor");
        RefreshToken r2 = successors.iterator().next();
        assertNotEquals(r1, r2);

        // a narrower scope narrows the access token; the new refresh token keeps the granted scopes
        AccessTokenResponse narrowed =
                (AccessTokenResponse) tokenRequest(s, new RefreshTokenGrant(r2), Scope.parse("graphql"));
        Secrets.note(narrowed.getTokens().getAccessToken().getValue());
        assertEquals(
                Scope.parse("graphql"), narrowed.getTokens().getAccessToken().getScope());
        RefreshToken r3 = Secrets.noteRefresh(narrowed.getTokens().getRefreshToken());
        assertNotNull(r3, "RFC 6749 §6: the new refresh token has the scope of the presented one");
        TokenIntrospectionSuccessResponse r3Facts = TokenIntrospectionResponse.parse(
                        new TokenIntrospectionRequest(s.metadata().getIntrospectionEndpointURI(), s.auth(), r3)
                                .toHTTPRequest()
                                .send())
                .toSuccessResponse();
        assertTrue(r3Facts.isActive());
        assertEquals(Scope.parse("graphql offline_access"), r3Facts.getScope());
        assertFalse(
                TokenIntrospectionResponse.parse(
                                new TokenIntrospectionRequest(s.metadata().getIntrospectionEndpointURI(), s.auth(), r2)
                                        .toHTTPRequest()
                                        .send())
                        .toSuccessResponse()
                        .isActive(),
                "a spent refresh token is inactive");

        // a token altered in one character is no token of ours: refused, and it changes nothing
        String value = r3.getValue();
        char last = value.charAt(10);
        RefreshToken altered =
                new RefreshToken(value.substring(0, 10) + (last == 'A' ? 'B' : 'A') + value.substring(11));
        TokenResponse forged = tokenRequest(s, new RefreshTokenGrant(altered));
        assertEquals(
                "invalid_grant", ((TokenErrorResponse) forged).getErrorObject().getCode());
        AccessTokenResponse fourth = (AccessTokenResponse) tokenRequest(s, new RefreshTokenGrant(r3));
        Secrets.note(fourth.getTokens().getAccessToken().getValue());
        Secrets.noteRefresh(fourth.getTokens().getRefreshToken());
        assertEquals(200, graphqlStatus(fourth));
    }

    @Test
    void revocationTakesEffectOnGraphqlAtOnce() throws Exception {
        Setup s = setup(List.of("graphql", "offline_access"));
        AccessTokenResponse tokens = fullFlow(s, new Browser());
        BearerAccessToken access = (BearerAccessToken) tokens.getTokens().getAccessToken();
        HTTPResponse revoked = new TokenRevocationRequest(s.metadata().getRevocationEndpointURI(), s.auth(), access)
                .toHTTPRequest()
                .send();
        assertEquals(200, revoked.getStatusCode());
        assertEquals(401, graphqlStatus(tokens));

        assertEquals(
                200,
                new TokenRevocationRequest(
                                s.metadata().getRevocationEndpointURI(),
                                s.auth(),
                                new BearerAccessToken("unknown.token.value"))
                        .toHTTPRequest()
                        .send()
                        .getStatusCode());

        HTTPResponse refreshRevoked = new TokenRevocationRequest(
                        s.metadata().getRevocationEndpointURI(),
                        s.auth(),
                        tokens.getTokens().getRefreshToken())
                .toHTTPRequest()
                .send();
        assertEquals(200, refreshRevoked.getStatusCode());
        assertFalse(tokenRequest(s, new RefreshTokenGrant(tokens.getTokens().getRefreshToken()))
                .indicatesSuccess());

        Setup other = setup(List.of("graphql"));
        String otherToken = Fixtures.token(other.app());
        HTTPResponse foreign = new TokenRevocationRequest(
                        s.metadata().getRevocationEndpointURI(), s.auth(), new BearerAccessToken(otherToken))
                .toHTTPRequest()
                .send();
        assertEquals(400, foreign.getStatusCode(), "a client revokes only its own tokens");
        assertEquals(200, Http.graphql(otherToken, GraphqlAccessIT.QUERY).status());
    }

    @Test
    void introspectionAnswersOnlyAboutTheClientsOwnTokens() throws Exception {
        Setup s = setup(List.of("graphql", "offline_access"));
        AccessTokenResponse tokens = fullFlow(s, new Browser());
        TokenIntrospectionResponse own = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                        s.metadata().getIntrospectionEndpointURI(),
                        s.auth(),
                        tokens.getTokens().getAccessToken())
                .toHTTPRequest()
                .send());
        TokenIntrospectionSuccessResponse active = own.toSuccessResponse();
        assertTrue(active.isActive());
        assertEquals(s.clientId(), active.getClientID());
        assertEquals(s.user(), active.getSubject().getValue());
        assertEquals(Scope.parse("graphql offline_access"), active.getScope());

        TokenIntrospectionSuccessResponse refresh = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                                s.metadata().getIntrospectionEndpointURI(),
                                s.auth(),
                                tokens.getTokens().getRefreshToken())
                        .toHTTPRequest()
                        .send())
                .toSuccessResponse();
        assertTrue(refresh.isActive());

        Setup other = setup(List.of("graphql"));
        TokenIntrospectionSuccessResponse foreign = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                                s.metadata().getIntrospectionEndpointURI(),
                                other.auth(),
                                tokens.getTokens().getAccessToken())
                        .toHTTPRequest()
                        .send())
                .toSuccessResponse();
        assertFalse(foreign.isActive(), "another client learns nothing");

        new TokenRevocationRequest(
                        s.metadata().getRevocationEndpointURI(),
                        s.auth(),
                        tokens.getTokens().getAccessToken())
                .toHTTPRequest()
                .send();
        assertFalse(TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                                s.metadata().getIntrospectionEndpointURI(),
                                s.auth(),
                                tokens.getTokens().getAccessToken())
                        .toHTTPRequest()
                        .send())
                .toSuccessResponse()
                .isActive());
    }

    @Test
    void usersWithoutGraphqlAccessCannotGrant() throws Exception {
        Setup s = setup(List.of("graphql"));
        Fixtures.put("/api/admin/users/" + s.user(), "{\"graphqlAccess\":false}");
        Browser browser = new Browser();
        State state = new State();
        browser.get(authorize(s, new CodeVerifier(), state, "graphql").toString());
        HttpResponse<String> afterLogin = browser.get(Browser.location(browser.login(s.user(), s.password())));
        AuthorizationResponse r = AuthorizationResponse.parse(URI.create(Browser.location(afterLogin)));
        assertEquals("access_denied", r.toErrorResponse().getErrorObject().getCode());
    }

    @Test
    void adminsAndUsersRevokeGrants() throws Exception {
        Setup s = setup(List.of("graphql", "offline_access"));
        Browser browser = new Browser();
        AccessTokenResponse tokens = fullFlow(s, browser);
        HttpResponse<String> mine = browser.get("/auth/consents.xhtml");
        assertEquals(200, mine.statusCode());
        assertTrue(mine.body().contains(s.app().getString("name")), "the user sees their consent");
        HttpResponse<String> revoked = browser.submit(mine, "grants", "rows:0:revoke", Map.of());
        assertEquals(302, revoked.statusCode(), revoked.body());
        assertEquals(401, graphqlStatus(tokens), "the user's revocation ends the tokens at once");
        assertTrue(browser.get("/auth/consents.xhtml").body().contains("Sie haben keiner Anwendung Zugriff erlaubt."));

        AccessTokenResponse again = fullFlow(s, new Browser());
        long grantId = Http.get("/api/admin/grants?user=" + s.user(), Http.admin())
                .json()
                .getJsonArray("items")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();
        assertEquals(
                204, Http.delete("/api/admin/grants/" + grantId, Http.admin()).status());
        assertEquals(401, graphqlStatus(again), "the admin's revocation too");
    }

    /** A public native application (Enterprise) with loopback redirect URIs, for {@code user}. */
    static ClientID nativeApplication(String user, String... redirectUris) {
        return nativeApplication(user, List.of("graphql"), redirectUris);
    }

    /** The same with these scopes. */
    static ClientID nativeApplication(String user, List<String> scopes, String... redirectUris) {
        Http.Res created = Http.json(
                "POST",
                "/api/admin/applications",
                Http.admin(),
                Json.createObjectBuilder()
                        .add("name", Fixtures.unique("Native "))
                        .add("clientType", "PUBLIC")
                        .add("user", user)
                        .add("redirectUris", Json.createArrayBuilder(List.of(redirectUris)))
                        .add("scopes", Json.createArrayBuilder(scopes))
                        .build()
                        .toString());
        assertEquals(201, created.status(), created.body());
        assertFalse(created.json().containsKey("clientSecret"));
        return new ClientID(created.json().getString("clientId"));
    }

    /** A native app's authorization request (PKCE S256, no secret) for {@code redirect}. */
    static URI nativeRequest(ClientID clientId, URI redirect, CodeVerifier verifier) {
        return new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), clientId)
                .endpointURI(URI.create(ItEnv.issuer() + "/oauth2/authorize"))
                .redirectionURI(redirect)
                .scope(Scope.parse("graphql"))
                .state(new State())
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    /** The native app exchanges the code of {@code response} with only its client id. */
    static void nativeExchange(ClientID clientId, AuthorizationResponse response, URI redirect, CodeVerifier verifier)
            throws Exception {
        TokenResponse t = TokenResponse.parse(new TokenRequest(
                        URI.create(ItEnv.issuer() + "/oauth2/token"),
                        clientId,
                        new AuthorizationCodeGrant(
                                response.toSuccessResponse().getAuthorizationCode(), redirect, verifier))
                .toHTTPRequest()
                .send());
        assertTrue(
                t.indicatesSuccess(), () -> t.toErrorResponse().getErrorObject().toString());
        Secrets.note(t.toSuccessResponse().getTokens().getAccessToken().getValue());
    }

    @Test
    void publicNativeClientsUsePkceWithoutSecretAndAnyLoopbackPort() throws Exception {
        String user = Fixtures.graphqlUser();
        ClientID clientId = nativeApplication(user, "http://127.0.0.1/cb");
        URI redirect = URI.create("http://127.0.0.1:51234/cb");
        CodeVerifier verifier = new CodeVerifier();
        Browser browser = new Browser();
        browser.get(nativeRequest(clientId, redirect, verifier).toString());
        HttpResponse<String> afterLogin = browser.get(Browser.location(browser.login(user, Fixtures.PASSWORD + user)));
        String consentUrl = Browser.location(afterLogin);
        assertEquals(200, browser.get(consentUrl).statusCode());
        HttpResponse<String> answer = browser.decide(consentUrl, true);
        assertTrue(
                Browser.location(answer).startsWith("http://127.0.0.1:51234/cb?"), "any loopback port (RFC 8252 §7.3)");
        nativeExchange(clientId, AuthorizationResponse.parse(URI.create(Browser.location(answer))), redirect, verifier);
    }

    @Test
    void failedClientAuthenticationsLockOnlyThatAddress() throws Exception {
        JsonObject app = Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), null);
        String id = app.getString("clientId");
        int last = 0;
        String retryAfter = null;
        for (int i = 0; i < 7; i++) {
            Http.Res r = Http.bytesWithHeaders(
                    "POST",
                    "/oauth2/token",
                    Map.of("Authorization", Http.basic(id, "wrong"), "X-Forwarded-For", "198.51.100.7"),
                    "application/x-www-form-urlencoded",
                    "grant_type=client_credentials".getBytes());
            last = r.status();
            retryAfter = r.header("Retry-After");
            if (last == 429) {
                assertEquals("slow_down", r.json().getString("error"));
                break;
            }
            assertEquals(401, last);
        }
        assertEquals(429, last, "locked out after repeated failures");
        assertNotNull(retryAfter);
        Http.Res fromElsewhere = Http.bytesWithHeaders(
                "POST",
                "/oauth2/token",
                Map.of(
                        "Authorization",
                        Http.basic(id, app.getString("clientSecret")),
                        "X-Forwarded-For",
                        "203.0.113.9"),
                "application/x-www-form-urlencoded",
                "grant_type=client_credentials".getBytes());
        assertEquals(200, fromElsewhere.status(), "the real partner app from its own address is not locked out");
        Secrets.note(fromElsewhere.json().getString("access_token"));
        Http.Res lockouts = Http.get("/api/admin/lockouts", Http.admin());
        assertTrue(lockouts.body().contains("198.51.100.7"), lockouts.body());
        assertTrue(Http.get("/api/admin/events?type=LOCKOUT&q=198.51.100.7", Http.admin())
                        .json()
                        .getInt("total")
                >= 1);
        assertEquals(
                204,
                Http.json("DELETE", "/api/admin/lockouts", Http.admin(), "").status());
        assertFalse(Http.get("/api/admin/lockouts", Http.admin()).body().contains("198.51.100.7"));
        assertTrue(Http.get("/api/admin/events?type=LOCKOUTS_CLEARED", Http.admin())
                        .json()
                        .getInt("total")
                >= 1);
    }

    @Test
    void signingKeysRotateWithOverlap() throws Exception {
        JsonObject app = Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), null);
        String before = Fixtures.token(app);
        int keysBefore =
                Http.get("/oauth2/jwks", null).json().getJsonArray("keys").size();
        Http.Res rotated = Http.json("POST", "/api/admin/signing-keys/rotate", Http.admin(), "");
        assertEquals(200, rotated.status(), rotated.body());
        String newKid = rotated.json().getString("kid");
        assertEquals(
                keysBefore + 1,
                Http.get("/oauth2/jwks", null).json().getJsonArray("keys").size(),
                "the old key stays published");
        assertEquals(200, Http.graphql(before, GraphqlAccessIT.QUERY).status(), "old tokens still verify");
        String after = Fixtures.token(app);
        String header = new String(java.util.Base64.getUrlDecoder().decode(after.split("\\.")[0]));
        assertTrue(header.contains(newKid), header);
        assertEquals(200, Http.graphql(after, GraphqlAccessIT.QUERY).status());
    }
}
