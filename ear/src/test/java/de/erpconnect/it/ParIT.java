package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.PushedAuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.PushedAuthorizationRequest;
import com.nimbusds.oauth2.sdk.PushedAuthorizationResponse;
import com.nimbusds.oauth2.sdk.PushedAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import de.erpconnect.it.OAuthFlowIT.Setup;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Pushed authorization requests (RFC 9126), driven by Nimbus' PushedAuthorizationRequest: the
 * client pushes its request on the back channel, the browser brings only {@code client_id} and
 * {@code request_uri} — used once, within ERPCONNECT_OAUTH_PAR_SECONDS (15 s for the suite) or while
 * the user logs in — and an application that requires PAR has every other request refused.
 */
@ExtendWith(ArquillianExtension.class)
class ParIT {

    static final URI CALLBACK = OAuthFlowIT.CALLBACK;
    static final String PREFIX = "urn:ietf:params:oauth:request_uri:";

    /** ERPCONNECT_OAUTH_PAR_SECONDS of the suite's server (arquillian.xml), so that expiry can be waited for. */
    static final long LIFETIME_SECONDS = 15;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItEnv.ear();
    }

    /** A user, a confidential application with offline access, and discovery's metadata, which names /oauth2/par. */
    static Setup setup() throws Exception {
        Setup s = OAuthFlowIT.setup(List.of("graphql", "offline_access"));
        assertEquals(
                URI.create(ItEnv.issuer() + "/oauth2/par"), s.metadata().getPushedAuthorizationRequestEndpointURI());
        return s;
    }

    static AuthorizationRequest request(ClientID clientId, URI redirect, CodeVerifier verifier, State state) {
        return new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), clientId)
                .redirectionURI(redirect)
                .scope(Scope.parse("graphql offline_access"))
                .state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
    }

    static HTTPResponse push(Setup s, ClientAuthentication auth, AuthorizationRequest request) throws Exception {
        HTTPResponse response = new PushedAuthorizationRequest(
                        s.metadata().getPushedAuthorizationRequestEndpointURI(), auth, request)
                .toHTTPRequest()
                .send();
        assertEquals("no-store", response.getHeaderValue("Cache-Control"));
        return response;
    }

    static URI pushed(Setup s, CodeVerifier verifier, State state) throws Exception {
        return pushed(s, s.auth(), verifier, state);
    }

    /** Pushes the request of {@code verifier} and {@code state}, authenticated by {@code auth}; its request_uri. */
    static URI pushed(Setup s, ClientAuthentication auth, CodeVerifier verifier, State state) throws Exception {
        PushedAuthorizationResponse response =
                PushedAuthorizationResponse.parse(push(s, auth, request(s.clientId(), CALLBACK, verifier, state)));
        assertTrue(
                response.indicatesSuccess(),
                () -> response.toErrorResponse().getErrorObject().toString());
        PushedAuthorizationSuccessResponse success = response.toSuccessResponse();
        assertEquals(LIFETIME_SECONDS, success.getLifetime(), "the suite's server keeps pushed requests 15 s");
        assertTrue(
                success.getRequestURI().toString().startsWith(PREFIX),
                success.getRequestURI().toString());
        return success.getRequestURI();
    }

    static String authorizeUrl(ClientID clientId, URI requestUri) {
        return new AuthorizationRequest.Builder(requestUri, clientId)
                .endpointURI(URI.create(ItEnv.issuer() + "/oauth2/authorize"))
                .build()
                .toURI()
                .toString();
    }

    /** Logs the user in on the way to {@code authorizeUrl}; returns the answer of the authorization endpoint. */
    static HttpResponse<String> loggedIn(Browser browser, Setup s, String authorizeUrl) {
        HttpResponse<String> first = browser.get(authorizeUrl);
        assertEquals(302, first.statusCode());
        HttpResponse<String> back = browser.login(s.user(), s.password());
        return browser.get(Browser.location(back));
    }

    @Test
    void aPushedRequestLeadsThroughLoginAndConsentToTokensOnce() throws Exception {
        Setup s = setup();
        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        URI requestUri = pushed(s, verifier, state);
        Browser browser = new Browser();
        String url = authorizeUrl(s.clientId(), requestUri);
        assertFalse(url.contains("redirect_uri"), "the browser carries client_id and request_uri only: " + url);
        HttpResponse<String> afterLogin = loggedIn(browser, s, url);
        assertEquals(303, afterLogin.statusCode(), afterLogin.body());
        String consentUrl = Browser.location(afterLogin);
        assertTrue(consentUrl.startsWith(ItEnv.issuer() + "/auth/consent.xhtml?request="), consentUrl);
        HttpResponse<String> answer = browser.decide(consentUrl, true);
        AuthorizationResponse response = AuthorizationResponse.parse(URI.create(Browser.location(answer)));
        assertTrue(response.indicatesSuccess(), response.toString());
        assertEquals(state, response.getState(), "the pushed state comes back");
        TokenResponse tokens = TokenResponse.parse(new TokenRequest(
                        URI.create(ItEnv.issuer() + "/oauth2/token"),
                        s.auth(),
                        new AuthorizationCodeGrant(
                                response.toSuccessResponse().getAuthorizationCode(), CALLBACK, verifier))
                .toHTTPRequest()
                .send());
        assertTrue(
                tokens.indicatesSuccess(),
                () -> tokens.toErrorResponse().getErrorObject().toString());
        Secrets.note(tokens.toSuccessResponse().getTokens().getAccessToken().getValue());
        Secrets.note(tokens.toSuccessResponse().getTokens().getRefreshToken().getValue());

        // the same request_uri again: used
        HttpResponse<String> again = browser.get(url);
        assertEquals(400, again.statusCode());
        assertTrue(again.body().contains("request_uri"), again.body());
        assertFalse(again.headers().firstValue("Location").isPresent(), "not redirected anywhere");
    }

    /**
     * Waits for pushed requests to expire (the suite's server keeps them 15 s): one whose browser
     * arrived and waits at the login is held; one that comes later is gone.
     */
    @Test
    void aRequestUriExpiresUnlessItsUserIsLoggingInAndIsBoundToItsClient() throws Exception {
        Setup s = setup();
        Setup other = setup();
        URI held = pushed(s, new CodeVerifier(), new State());
        URI late = pushed(s, new CodeVerifier(), new State());
        URI foreignUse = pushed(s, new CodeVerifier(), new State());

        // another application's client_id: refused, and the request stays usable by its own client
        Browser loggedIn = new Browser();
        HttpResponse<String> foreign = loggedIn(loggedIn, s, authorizeUrl(other.clientId(), foreignUse));
        assertEquals(400, foreign.statusCode());
        assertTrue(foreign.body().contains("request_uri"), foreign.body());
        HttpResponse<String> own = loggedIn.get(authorizeUrl(s.clientId(), foreignUse));
        assertEquals(303, own.statusCode(), own.body());

        Browser atLogin = new Browser();
        assertEquals(302, atLogin.get(authorizeUrl(s.clientId(), held)).statusCode(), "sent to the login page");
        Thread.sleep((LIFETIME_SECONDS + 1) * 1000);
        HttpResponse<String> afterLogin = atLogin.get(Browser.location(atLogin.login(s.user(), s.password())));
        assertEquals(303, afterLogin.statusCode(), "held while the user logged in: " + afterLogin.body());
        assertTrue(Browser.location(afterLogin).startsWith(ItEnv.issuer() + "/auth/consent.xhtml?request="));

        HttpResponse<String> expired = loggedIn.get(authorizeUrl(s.clientId(), late));
        assertEquals(400, expired.statusCode(), "expired");
        assertTrue(expired.body().contains("request_uri"), expired.body());
    }

    @Test
    void thePushEndpointChecksLikeTheAuthorizationEndpoint() throws Exception {
        Setup s = setup();
        CodeVerifier verifier = new CodeVerifier();
        assertPushRefused(
                push(s, s.auth(), request(s.clientId(), URI.create("https://evil.example.com/cb"), verifier, null)),
                400,
                "invalid_request");
        assertPushRefused(pushed(s, ResponseType.Value.CODE, "graphql", null), 400, "invalid_request");
        assertPushRefused(
                pushed(s, ResponseType.Value.CODE, "graphql", CodeChallengeMethod.PLAIN), 400, "invalid_request");
        assertPushRefused(
                pushed(s, ResponseType.Value.TOKEN, null, CodeChallengeMethod.S256), 400, "unsupported_response_type");
        assertPushRefused(
                pushed(s, ResponseType.Value.CODE, "graphql admin", CodeChallengeMethod.S256), 400, "invalid_scope");
        Http.Res named = pushForm(
                s,
                ("response_type=code&redirect_uri=" + CALLBACK + "&code_challenge=" + new CodeVerifier().getValue()
                        + "&code_challenge_method=S256&request_uri=urn%3Aietf%3Aparams%3Aoauth%3Arequest_uri%3Ax"));
        assertEquals(400, named.status(), named.body());
        assertTrue(named.body().contains("request_uri"), named.body());
        Http.Res otherClient = pushForm(s, ("client_id=ec-someone-else&response_type=code&redirect_uri=" + CALLBACK));
        assertEquals(400, otherClient.status(), otherClient.body());
        assertTrue(otherClient.body().contains("client_id"), otherClient.body());
        assertPushRefused(
                push(
                        s,
                        new ClientSecretBasic(s.clientId(), new Secret("wrong")),
                        request(s.clientId(), CALLBACK, verifier, null)),
                401,
                "invalid_client");
    }

    /** A push of a request for the registered callback with this response type, scope and PKCE method (none: no PKCE). */
    static HTTPResponse pushed(Setup s, ResponseType.Value type, String scope, CodeChallengeMethod method)
            throws Exception {
        AuthorizationRequest.Builder request =
                new AuthorizationRequest.Builder(new ResponseType(type), s.clientId()).redirectionURI(CALLBACK);
        if (scope != null) {
            request.scope(Scope.parse(scope));
        }
        if (method != null) {
            request.codeChallenge(new CodeVerifier(), method);
        }
        return push(s, s.auth(), request.build());
    }

    /** A push with a form body written by hand, authenticated with the application's secret. */
    static Http.Res pushForm(Setup s, String form) {
        return Http.bytesWithHeaders(
                "POST",
                "/oauth2/par",
                Map.of(
                        "Authorization",
                        Http.basic(s.clientId().getValue(), s.app().getString("clientSecret"))),
                "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.UTF_8));
    }

    static void assertPushRefused(HTTPResponse response, int status, String error) throws Exception {
        assertEquals(status, response.getStatusCode(), response.getBody());
        ErrorObject e = PushedAuthorizationErrorResponse.parse(response).getErrorObject();
        assertEquals(error, e.getCode(), response.getBody());
    }

    @Test
    void anApplicationThatRequiresParHasOtherRequestsRefusedAndPushesWithKeys() throws Exception {
        Setup s = setup();
        long id = s.app().getJsonNumber("id").longValue();
        Fixtures.put("/api/admin/applications/" + id, "{\"requirePushedAuthorizationRequests\":true}");
        JsonObject view =
                Http.get("/api/admin/applications/" + id, Http.admin()).json();
        assertTrue(view.getBoolean("requirePushedAuthorizationRequests"));

        CodeVerifier verifier = new CodeVerifier();
        Browser browser = new Browser();
        String plain =
                OAuthFlowIT.authorize(s, verifier, new State(), "graphql").toString();
        HttpResponse<String> refused = loggedIn(browser, s, plain);
        assertEquals(303, refused.statusCode(), refused.body());
        AuthorizationResponse error = AuthorizationResponse.parse(URI.create(Browser.location(refused)));
        assertFalse(error.indicatesSuccess());
        assertEquals("invalid_request", error.toErrorResponse().getErrorObject().getCode());
        assertTrue(
                error.toErrorResponse().getErrorObject().getDescription().contains("PAR"),
                error.toErrorResponse().getErrorObject().getDescription());

        // the same application with private_key_jwt pushes and is let through
        ECKey key = ClientAssertionIT.registeredKey(s.app(), "par-1");
        HTTPResponse pushedWithKey = push(
                s,
                ClientAssertionIT.es256(s.app().getString("clientId"), key),
                request(s.clientId(), CALLBACK, verifier, new State()));
        assertEquals(201, pushedWithKey.getStatusCode(), pushedWithKey.getBody());
        URI requestUri = PushedAuthorizationResponse.parse(pushedWithKey)
                .toSuccessResponse()
                .getRequestURI();
        HttpResponse<String> consent = browser.get(authorizeUrl(s.clientId(), requestUri));
        assertEquals(303, consent.statusCode(), consent.body());
        String consentUrl = Browser.location(consent);
        assertTrue(consentUrl.startsWith(ItEnv.issuer() + "/auth/consent.xhtml?request="), consentUrl);
        AuthorizationResponse allowed =
                AuthorizationResponse.parse(URI.create(Browser.location(browser.decide(consentUrl, true))));
        assertTrue(allowed.indicatesSuccess(), "the pushed request gets its code: " + allowed);
    }

    @Test
    void concurrentUsesOfOneRequestUriLetExactlyOneThrough() throws Exception {
        Setup s = setup();
        URI requestUri = pushed(s, new CodeVerifier(), new State());
        Browser browser = new Browser();
        String url = authorizeUrl(s.clientId(), requestUri);
        browser.get(url);
        String saved = Browser.location(browser.login(s.user(), s.password()));
        List<Integer> statuses = OAuthFlowIT.atOnce(8, () -> browser.get(saved).statusCode());
        assertEquals(1, statuses.stream().filter(code -> code == 303).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(code -> code == 400).count(), statuses.toString());
    }
}
