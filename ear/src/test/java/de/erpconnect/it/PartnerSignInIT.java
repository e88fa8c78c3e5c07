package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.dpop.DPoPProofFactory;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A partner app signs in its user through a real browser (issue: the browser front door): headless
 * Chromium drives the authorization code flow with PKCE that the Nimbus OAuth 2.0 SDK builds, for a
 * confidential application whose redirect URI is on another origin ({@code
 * https://partner.example.com/cb}, served by {@link PartnerReceiver} over HTTPS). Chromium enforces
 * the pages' Content-Security-Policy, including {@code form-action} on the redirect that follows
 * the login and the consent; every page is checked for CSP violations and script errors in the
 * browser's console. The assertions are on what a person sees and on what the partner app got.
 */
@ExtendWith(ArquillianExtension.class)
class PartnerSignInIT {

    static PartnerReceiver partner;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItEnv.ear();
    }

    @BeforeAll
    static void startThePartnerApp() {
        partner = PartnerReceiver.start();
    }

    @AfterAll
    static void stopThePartnerApp() {
        partner.close();
    }

    /**
     * A user of the partner app with their browser: a user with GraphQL access, a confidential
     * application for them, and the steps of signing in as that user takes them.
     */
    static final class SignIn implements AutoCloseable {

        final OAuthFlowIT.Setup app;
        final ChromeDriver chromium;
        final WebDriverWait wait;
        CodeVerifier verifier;
        State state;
        int before;

        SignIn(List<String> scopes, String languages) throws Exception {
            app = OAuthFlowIT.setup(scopes);
            chromium = Chromium.start(languages, partner.chromiumArguments());
            wait = new WebDriverWait(chromium, Duration.ofSeconds(30));
        }

        /** The partner app sends the browser to the authorization endpoint. */
        SignIn start(String scope) {
            verifier = new CodeVerifier();
            state = new State();
            before = partner.received().size();
            chromium.get(OAuthFlowIT.authorize(app, verifier, state, scope).toString());
            return this;
        }

        /** The partner app pushes its request (PAR) and sends the browser with client_id and request_uri only. */
        SignIn startPushed(ClientAuthentication auth) throws Exception {
            verifier = new CodeVerifier();
            state = new State();
            before = partner.received().size();
            java.net.URI requestUri = ParIT.pushed(app, auth, verifier, state);
            chromium.get(ParIT.authorizeUrl(app.clientId(), requestUri));
            return this;
        }

        SignIn login() {
            return login(app.password());
        }

        SignIn login(String password) {
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("j_username")));
            Chromium.assertCleanConsole(chromium, "the login page");
            chromium.findElement(By.id("j_username")).sendKeys(app.user());
            chromium.findElement(By.id("j_password")).sendKeys(password);
            chromium.findElement(By.cssSelector("button[type=submit]")).click();
            return this;
        }

        /** Waits for the consent page. */
        SignIn consent() {
            try {
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("allow")));
            } catch (TimeoutException e) {
                String text = chromium.findElement(By.tagName("body")).getText();
                throw new AssertionError(
                        "no consent page; the browser shows " + chromium.getCurrentUrl() + ": "
                                + text.substring(0, Math.min(600, text.length())),
                        e);
            }
            Chromium.assertCleanConsole(chromium, "the consent page");
            return this;
        }

        SignIn click(String id) {
            chromium.findElement(By.id(id)).click();
            return this;
        }

        /** Waits until the browser shows the partner app's page; the query it received. */
        Map<String, String> arrival() {
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("arrived")));
            assertTrue(
                    chromium.getCurrentUrl().startsWith("https://partner.example.com/cb?"), chromium.getCurrentUrl());
            List<Map<String, String>> received = partner.received();
            assertTrue(received.size() > before, "the partner app received the redirect");
            Chromium.assertCleanConsole(chromium, "the way back to the partner app");
            return received.get(received.size() - 1);
        }

        /** The partner app exchanges the code it received, with its verifier. */
        AccessTokenResponse exchange(Map<String, String> query) throws Exception {
            return OAuthFlowIT.exchange(app, new AuthorizationCode(query.get("code")), verifier);
        }

        /** The page that ends an expired or lost request, in German. */
        void expiredPage() {
            wait.until(ExpectedConditions.titleContains("Anmeldung nicht möglich"));
            assertEquals(
                    "Diese Anmeldeanfrage ist abgelaufen. Bitte starten Sie die Anmeldung in der Anwendung erneut.",
                    chromium.findElement(By.id("lead")).getText());
            Chromium.assertCleanConsole(chromium, "the expired request's page");
        }

        /** A new browser session: the server's cookies are gone. */
        void forgetTheSession() {
            if (!chromium.getCurrentUrl().startsWith(ItEnv.issuer())) {
                chromium.get(ItEnv.issuer() + "/");
            }
            chromium.manage().deleteAllCookies();
        }

        @Override
        public void close() {
            chromium.quit();
        }
    }

    /**
     * The whole front door: first login, consent, the code at the partner app with state and iss;
     * the partner app exchanges it, refreshes with offline_access and gets client-credentials tokens
     * with the same scope list.
     */
    @Test
    void aPartnerAppSignsInItsUserAndGetsTokens() throws Exception {
        try (SignIn in = new SignIn(List.of("graphql", "offline_access"), "de-DE,de")) {
            in.start("graphql offline_access");
            assertEquals("Anmelden – ERP Connect", in.chromium.getTitle());
            in.login().consent();
            assertEquals("Zugriff erlauben? – ERP Connect", in.chromium.getTitle());
            assertEquals(in.app.app().getString("name"), text(in, "application"));
            assertEquals("Eigene Anwendung", text(in, "kind"));
            assertTrue(text(in, "scopes").contains("ERP-Daten lesen (GraphQL)"), text(in, "scopes"));
            assertTrue(text(in, "scopes").contains("Dauerhafter Zugriff"), text(in, "scopes"));
            Chromium.screenshot(in.chromium, "partner-consent");

            Map<String, String> query = in.click("allow").arrival();
            assertEquals(in.state.getValue(), query.get("state"));
            assertEquals(ItEnv.issuer(), query.get("iss"), "RFC 9207");
            assertNotNull(query.get("code"));
            Secrets.note(query.get("code"));

            AccessTokenResponse tokens = in.exchange(query);
            assertEquals(200, OAuthFlowIT.graphqlStatus(tokens));
            assertNotNull(tokens.getTokens().getRefreshToken(), "offline_access gives a refresh token");
            AccessTokenResponse rotated = success(OAuthFlowIT.tokenRequest(
                    in.app, new RefreshTokenGrant(tokens.getTokens().getRefreshToken())));
            Secrets.note(rotated.getTokens().getRefreshToken().getValue());
            assertEquals(200, OAuthFlowIT.graphqlStatus(rotated));

            // the same scope list for the partner app's own token: offline_access is left out
            AccessTokenResponse own = success(OAuthFlowIT.tokenRequest(
                    in.app, new ClientCredentialsGrant(), Scope.parse("graphql offline_access")));
            assertEquals(
                    Scope.parse("graphql"), own.getTokens().getAccessToken().getScope());
            assertNull(own.getTokens().getRefreshToken());
        }
    }

    /**
     * The front door with a pushed request (RFC 9126) in Chromium, the code then exchanged with a
     * DPoP proof (RFC 9449) and the bound token used on /graphql with a proof: the browser carries
     * only client_id and request_uri, and the way back to the partner app's origin is not blocked.
     */
    @Test
    void aPushedRequestSignsInThroughTheBrowserAndTheCodeBecomesADpopBoundToken() throws Exception {
        try (SignIn in = new SignIn(List.of("graphql", "offline_access"), "de-DE,de")) {
            in.startPushed(in.app.auth());
            assertTrue(
                    in.chromium.getCurrentUrl().startsWith(ItEnv.issuer() + "/login.xhtml"),
                    in.chromium.getCurrentUrl());
            in.login().consent();
            assertEquals(in.app.app().getString("name"), text(in, "application"));
            Map<String, String> query = in.click("allow").arrival();
            assertEquals(in.state.getValue(), query.get("state"), "the pushed state comes back");
            assertEquals(ItEnv.issuer(), query.get("iss"));
            Secrets.note(query.get("code"));

            DPoPProofFactory proofs =
                    new DefaultDPoPProofFactory(new ECKeyGenerator(Curve.P_256).generate(), JWSAlgorithm.ES256);
            Nonce nonce = DpopIT.nonce(in.app.auth(), proofs);
            com.nimbusds.oauth2.sdk.http.HTTPRequest request = new TokenRequest(
                            in.app.metadata().getTokenEndpointURI(),
                            in.app.auth(),
                            new AuthorizationCodeGrant(
                                    new AuthorizationCode(query.get("code")), OAuthFlowIT.CALLBACK, in.verifier))
                    .toHTTPRequest();
            request.setDPoP(proofs.createDPoPJWT("POST", in.app.metadata().getTokenEndpointURI(), nonce));
            AccessTokenResponse tokens = success(TokenResponse.parse(request.send()));
            Secrets.note(tokens.getTokens().getRefreshToken().getValue());
            DPoPAccessToken token =
                    assertInstanceOf(DPoPAccessToken.class, tokens.getTokens().getAccessToken());
            assertReads(token, proofs, nonce);
        }
    }

    /**
     * The FAPI 2.0 switch end to end, with the partner app's client library (Nimbus): it pushes its
     * request authenticated with private_key_jwt, Chromium signs the user in with only client_id and
     * request_uri, the code becomes a DPoP-bound token with an assertion and a proof, the token reads
     * /graphql with a proof (and without one is refused), and the refresh token gives a new bound token.
     */
    @Test
    void underFapi2APartnerAppSignsInWithPrivateKeyJwtParAndDpopAndRefreshes() throws Exception {
        try (SignIn in = new SignIn(List.of("graphql", "offline_access"), "de-DE,de")) {
            ECKey key = FapiIT.switchOn(in.app);
            in.startPushed(FapiIT.assertion(in.app, key));
            Map<String, String> query = in.login().consent().click("allow").arrival();
            assertEquals(in.state.getValue(), query.get("state"));
            assertEquals(ItEnv.issuer(), query.get("iss"));
            Secrets.note(query.get("code"));

            DPoPProofFactory proofs =
                    new DefaultDPoPProofFactory(new ECKeyGenerator(Curve.P_256).generate(), JWSAlgorithm.ES256);
            Nonce nonce = DpopIT.nonce(FapiIT.assertion(in.app, key), proofs);
            AccessTokenResponse tokens = success(TokenResponse.parse(FapiIT.tokenRequest(
                    in.app,
                    FapiIT.assertion(in.app, key),
                    new AuthorizationCodeGrant(
                            new AuthorizationCode(query.get("code")), OAuthFlowIT.CALLBACK, in.verifier),
                    proofs,
                    nonce)));
            Secrets.note(tokens.getTokens().getRefreshToken().getValue());
            DPoPAccessToken token =
                    assertInstanceOf(DPoPAccessToken.class, tokens.getTokens().getAccessToken());
            assertReads(token, proofs, nonce);
            assertEquals(
                    401, Http.graphql(token.getValue(), GraphqlAccessIT.QUERY).status(), "without a proof");

            HTTPResponse withoutProof = FapiIT.tokenRequest(
                    in.app,
                    FapiIT.assertion(in.app, key),
                    new RefreshTokenGrant(tokens.getTokens().getRefreshToken()),
                    null,
                    null);
            assertEquals(400, withoutProof.getStatusCode(), withoutProof.getBody());
            assertEquals("invalid_dpop_proof", FapiIT.error(withoutProof).getCode(), "a refresh needs a proof too");
            AccessTokenResponse refreshed = success(TokenResponse.parse(FapiIT.tokenRequest(
                    in.app,
                    FapiIT.assertion(in.app, key),
                    new RefreshTokenGrant(tokens.getTokens().getRefreshToken()),
                    proofs,
                    nonce)));
            Secrets.note(refreshed.getTokens().getRefreshToken().getValue());
            DPoPAccessToken next = assertInstanceOf(
                    DPoPAccessToken.class, refreshed.getTokens().getAccessToken());
            assertReads(next, proofs, nonce);
        }
    }

    /** The bound token reads /graphql with a fresh proof of its key. */
    private static void assertReads(DPoPAccessToken token, DPoPProofFactory proofs, Nonce nonce) throws Exception {
        Http.Res data = DpopIT.graphql(
                token.toAuthorizationHeader(), proofs.createDPoPJWT("POST", DpopIT.graphqlEndpoint, token, nonce));
        assertEquals(200, data.status(), data.body());
    }

    private static String text(SignIn in, String id) {
        return in.chromium.findElement(By.id(id)).getText();
    }

    private static AccessTokenResponse success(TokenResponse response) {
        assertTrue(
                response.indicatesSuccess(),
                () -> response.toErrorResponse().getErrorObject().toString());
        AccessTokenResponse tokens = response.toSuccessResponse();
        Secrets.note(tokens.getTokens().getAccessToken().getValue());
        return tokens;
    }

    @Test
    void denyingSendsAccessDeniedToThePartnerApp() throws Exception {
        try (SignIn in = new SignIn(List.of("graphql"), "de-DE,de")) {
            Map<String, String> query =
                    in.start("graphql").login().consent().click("deny").arrival();
            assertEquals("access_denied", query.get("error"));
            assertEquals(in.state.getValue(), query.get("state"));
            assertEquals(ItEnv.issuer(), query.get("iss"));
            assertNull(query.get("code"));
        }
    }

    /**
     * A remembered consent: the next sign-in is the login only, and the login form's redirect chain
     * ends at the partner app (CSP form-action on the login page); once logged in, straight through.
     */
    @Test
    void aRememberedConsentIsTheLoginOnlyAndThenStraightThrough() throws Exception {
        try (SignIn in = new SignIn(List.of("graphql", "offline_access"), "de-DE,de")) {
            in.start("graphql").login().consent();
            assertTrue(in.chromium.findElement(By.id("remember")).isSelected(), "remembering is the default");
            in.click("allow").arrival();

            in.forgetTheSession();
            Map<String, String> query = in.start("graphql").login().arrival();
            assertEquals(in.state.getValue(), query.get("state"));
            in.exchange(query);

            in.exchange(in.start("graphql").arrival());
        }
    }

    @Test
    void aWrongPasswordIsSaidAndTheRightOneContinues() throws Exception {
        try (SignIn in = new SignIn(List.of("graphql"), "de-DE,de")) {
            in.start("graphql").login("Falsch!2026");
            in.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.error")));
            assertEquals(
                    "Benutzername oder Passwort ist falsch.",
                    in.chromium.findElement(By.cssSelector("p.error")).getText());
            in.exchange(in.login().consent().click("allow").arrival());
        }
    }

    /**
     * A double click in the browser: the login still continues the authorization, and the browser
     * arrives once at the partner app with a code that works once. (Chromium follows only the last
     * of the two answers; that the server issues one code for both, also when they arrive at the
     * same moment, is {@code OAuthFlowIT.concurrentAllowsOfOneRequestYieldOneCode} and
     * {@code DatabaseInvariantsIT}.)
     */
    @Test
    void doubleClicksOnLoginAndAllowFinishTheFlowOnce() throws Exception {
        try (SignIn in = new SignIn(List.of("graphql"), "de-DE,de")) {
            in.start("graphql");
            in.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("j_username")));
            in.chromium.findElement(By.id("j_username")).sendKeys(in.app.user());
            in.chromium.findElement(By.id("j_password")).sendKeys(in.app.password());
            doubleClick(in, By.cssSelector("button[type=submit]"));
            in.consent();

            doubleClick(in, By.id("allow"));
            Map<String, String> query = in.arrival();
            Set<String> codes = partner
                    .received()
                    .subList(in.before, partner.received().size())
                    .stream()
                    .map(q -> q.get("code"))
                    .collect(Collectors.toSet());
            assertEquals(Set.of(query.get("code")), codes, "one code, however often it arrived");
            Secrets.note(query.get("code"));
            in.exchange(query);
            TokenResponse again = OAuthFlowIT.tokenRequest(
                    in.app,
                    new AuthorizationCodeGrant(
                            new AuthorizationCode(query.get("code")), OAuthFlowIT.CALLBACK, in.verifier));
            assertFalse(again.indicatesSuccess(), "the code works once");
        }
    }

    private static void doubleClick(SignIn in, By button) {
        new Actions(in.chromium).doubleClick(in.chromium.findElement(button)).perform();
    }

    /**
     * A native app (public client) with loopback redirect URIs (RFC 8252 §7.3): the browser reaches
     * whatever port the app listens on, on 127.0.0.1 (the form's CSP names exactly that origin) and
     * on [::1] (CSP cannot name it: a page moves on by itself) — after the consent page and straight
     * through a remembered consent.
     */
    @Test
    void aNativeAppOnAnyLoopbackPortGetsItsCode() throws Exception {
        try (SignIn in = new SignIn(List.of("graphql"), "de-DE,de")) {
            ClientID clientId = OAuthFlowIT.nativeApplication(in.app.user(), "http://127.0.0.1/cb", "http://[::1]/cb");
            // 127.0.0.1 without remembering; [::1] remembering, then straight through the remembered consent
            List<String> hosts = List.of("127.0.0.1", "::1", "::1");
            for (int round = 0; round < hosts.size(); round++) {
                String host = hosts.get(round);
                List<String> received = new CopyOnWriteArrayList<>();
                HttpServer app = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), 0), 4);
                app.createContext("/", exchange -> {
                    if (exchange.getRequestURI().getPath().equals("/cb")) {
                        received.add(exchange.getRequestURI().getRawQuery());
                    }
                    byte[] body =
                            "<html><body><h1 id=\"arrived\">App</h1></body></html>".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                app.start();
                try {
                    URI redirect = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":"
                            + app.getAddress().getPort() + "/cb");
                    CodeVerifier verifier = new CodeVerifier();
                    in.chromium.get(OAuthFlowIT.nativeRequest(clientId, redirect, verifier)
                            .toString());
                    if (round == 0) {
                        in.login().consent().click("remember").click("allow");
                    } else if (round == 1) {
                        in.consent().click("allow");
                    }
                    in.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("arrived")));
                    Chromium.assertCleanConsole(in.chromium, "the way back to the native app on " + host);
                    assertEquals(1, received.size(), received.toString());
                    OAuthFlowIT.nativeExchange(
                            clientId,
                            AuthorizationResponse.parse(URI.create(redirect + "?" + received.get(0))),
                            redirect,
                            verifier);
                } finally {
                    app.stop(0);
                }
            }
        }
    }

    /** Back from the partner app to the consent page: a page that says the request was answered. */
    @Test
    void theBackButtonAfterArrivingShowsThatTheRequestWasAnswered() throws Exception {
        try (SignIn in = new SignIn(List.of("graphql"), "de-DE,de")) {
            in.start("graphql").login().consent().click("allow").arrival();
            in.chromium.navigate().back();
            in.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("gone")));
            assertTrue(text(in, "gone").contains("bereits beantwortet"), text(in, "gone"));
            assertTrue(in.chromium.findElements(By.id("allow")).isEmpty(), "nothing to answer again");
            Chromium.assertCleanConsole(in.chromium, "the answered consent page");
        }
    }

    /**
     * A consent that waited longer than the login timeout (30 s on the test server), a session that
     * ended while the consent page was open, and a tampered request field: each ends on a page that
     * says so, in German, and nothing reaches the partner app. A session that ended while the login
     * page was open does not lose the authorization request.
     */
    @Test
    void expiredRequestsEndedSessionsAndTamperedFormsEndOnAPageThatSaysSo() throws Exception {
        try (SignIn in = new SignIn(List.of("graphql"), "de-DE,de")) {
            int before = partner.received().size();

            // the session ends while the login page is open: the login still continues the request
            in.start("graphql");
            in.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("j_username")));
            in.forgetTheSession();
            in.login().consent();

            // the session ends while the consent page is open
            in.forgetTheSession();
            in.click("allow").expiredPage();

            // a tampered request field
            in.start("graphql").login().consent();
            in.chromium.executeScript("document.querySelector('input[name=request]').value = 'abc';");
            in.click("allow").expiredPage();

            // a consent page left open longer than the login timeout
            in.start("graphql").consent();
            Thread.sleep(31_000);
            in.click("allow").expiredPage();
            assertEquals(before, partner.received().size(), "nothing reached the partner app");
        }
    }

    /** An English browser sees English pages throughout; a French one too (no French texts). */
    @Test
    void anEnglishBrowserSeesEveryWordInEnglish() throws Exception {
        for (String languages : List.of("en-US,en", "fr-FR,fr")) {
            try (SignIn in = new SignIn(List.of("graphql", "offline_access"), languages)) {
                in.start("graphql offline_access");
                in.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("j_username")));
                assertEquals("Log in – ERP Connect", in.chromium.getTitle(), languages);
                in.login().consent();
                assertEquals("Allow access? – ERP Connect", in.chromium.getTitle());
                assertEquals("Own application", text(in, "kind"));
                String page = in.chromium.findElement(By.tagName("main")).getText();
                assertTrue(page.contains("Read ERP data (GraphQL)"), page);
                assertTrue(page.contains("Lasting access"), page);
                assertEquals("Allow", text(in, "allow"));
                assertEquals("Deny", text(in, "deny"));
                Chromium.screenshot(in.chromium, "partner-consent-" + languages.substring(0, 2));
                in.click("deny").arrival();
            }
        }
    }

    /**
     * What the partner app got wrong is shown to the user as a page, never redirected (RFC 6749
     * §4.1.2.1) and never as escaped markup, in the user's language.
     */
    @Test
    void anUnknownClientOrRedirectUriIsAReadablePage() throws Exception {
        for (String languages : List.of("de-DE,de", "en-GB,en")) {
            boolean german = languages.startsWith("de");
            try (SignIn in = new SignIn(List.of("graphql"), languages)) {
                in.start("graphql").login().consent();
                String valid = OAuthFlowIT.authorize(in.app, new CodeVerifier(), new State(), "graphql")
                        .toString();

                in.chromium.get(valid.replace(in.app.app().getString("clientId"), "ec-unknown"));
                in.wait.until(ExpectedConditions.titleIs(
                        german ? "Anmeldung nicht möglich – ERP Connect" : "Sign-in not possible – ERP Connect"));
                assertEquals(
                        german
                                ? "Die Anwendung (client_id) fehlt oder ist unbekannt."
                                : "The application (client_id) is missing or unknown.",
                        text(in, "message"));
                assertTrue(text(in, "lead").contains(german ? "Anbieter der Anwendung" : "application's vendor"));
                assertFalse(
                        in.chromium.findElement(By.tagName("body")).getText().contains("<"), "no markup shown");
                Chromium.assertCleanConsole(in.chromium, "the unknown client's page");

                in.chromium.get(valid.replace("partner.example.com", "evil.example.com"));
                in.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("message")));
                assertEquals(
                        german
                                ? "Die Rücksprungadresse (redirect_uri) ist für diese Anwendung nicht registriert."
                                : "The redirect address (redirect_uri) is not registered for this application.",
                        text(in, "message"));
                assertTrue(in.chromium.getCurrentUrl().startsWith(ItEnv.issuer()), "not redirected");
            }
        }
    }
}
