package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
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

    static ChromeDriver browser(String languages) {
        return Chromium.start(languages, partner.chromiumArguments());
    }

    static WebDriverWait waitFor(ChromeDriver chromium) {
        return new WebDriverWait(chromium, Duration.ofSeconds(30));
    }

    /** Opens the authorization request as the partner app sends its user there. */
    static void open(ChromeDriver chromium, URI request) {
        chromium.get(request.toString());
    }

    static void login(ChromeDriver chromium, WebDriverWait wait, String user, String password) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("j_username")));
        Chromium.assertCleanConsole(chromium, "the login page");
        chromium.findElement(By.id("j_username")).sendKeys(user);
        chromium.findElement(By.id("j_password")).sendKeys(password);
        chromium.findElement(By.cssSelector("button[type=submit]")).click();
    }

    static void awaitConsent(ChromeDriver chromium, WebDriverWait wait) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("allow")));
        Chromium.assertCleanConsole(chromium, "the consent page");
    }

    /** Waits until the browser shows the partner app's page; returns the query it received. */
    static Map<String, String> arrival(ChromeDriver chromium, WebDriverWait wait, int before) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("arrived")));
        assertTrue(chromium.getCurrentUrl().startsWith("https://partner.example.com/cb?"), chromium.getCurrentUrl());
        List<Map<String, String>> received = partner.received();
        assertTrue(received.size() > before, "the partner app received the redirect");
        Chromium.assertCleanConsole(chromium, "the way back to the partner app");
        return received.get(received.size() - 1);
    }

    static AccessTokenResponse exchange(OAuthFlowIT.Setup s, Map<String, String> query, CodeVerifier verifier)
            throws Exception {
        return OAuthFlowIT.exchange(s, new AuthorizationCode(query.get("code")), verifier);
    }

    /**
     * The whole front door: first login, consent, the code at the partner app with state and iss;
     * the partner app exchanges it, refreshes with offline_access and gets client-credentials tokens
     * with the same scope list.
     */
    @Test
    void aPartnerAppSignsInItsUserAndGetsTokens() throws Exception {
        OAuthFlowIT.Setup s = OAuthFlowIT.setup(List.of("graphql", "offline_access"));
        ChromeDriver chromium = browser("de-DE,de");
        try {
            WebDriverWait wait = waitFor(chromium);
            CodeVerifier verifier = new CodeVerifier();
            State state = new State();
            int before = partner.received().size();
            open(chromium, OAuthFlowIT.authorize(s, verifier, state, "graphql offline_access"));
            assertEquals("Anmelden – ERP Connect", chromium.getTitle());
            login(chromium, wait, s.user(), s.password());
            awaitConsent(chromium, wait);
            assertEquals("Zugriff erlauben? – ERP Connect", chromium.getTitle());
            assertEquals(
                    s.app().getString("name"),
                    chromium.findElement(By.id("application")).getText());
            assertEquals("Eigene Anwendung", chromium.findElement(By.id("kind")).getText());
            String scopes = chromium.findElement(By.id("scopes")).getText();
            assertTrue(scopes.contains("ERP-Daten lesen (GraphQL)"), scopes);
            assertTrue(scopes.contains("Dauerhafter Zugriff"), scopes);
            Chromium.screenshot(chromium, "partner-consent");
            chromium.findElement(By.id("allow")).click();

            Map<String, String> query = arrival(chromium, wait, before);
            assertEquals(state.getValue(), query.get("state"));
            assertEquals(ItEnv.issuer(), query.get("iss"), "RFC 9207");
            assertNotNull(query.get("code"));
            Secrets.note(query.get("code"));

            AccessTokenResponse tokens = exchange(s, query, verifier);
            assertEquals(200, OAuthFlowIT.graphqlStatus(tokens));
            assertNotNull(tokens.getTokens().getRefreshToken(), "offline_access gives a refresh token");
            TokenResponse refreshed = OAuthFlowIT.tokenRequest(
                    s, new RefreshTokenGrant(tokens.getTokens().getRefreshToken()));
            assertTrue(
                    refreshed.indicatesSuccess(),
                    () -> refreshed.toErrorResponse().getErrorObject().toString());
            AccessTokenResponse rotated = refreshed.toSuccessResponse();
            Secrets.note(rotated.getTokens().getAccessToken().getValue());
            Secrets.note(rotated.getTokens().getRefreshToken().getValue());
            assertEquals(200, OAuthFlowIT.graphqlStatus(rotated));

            // the same scope list for the partner app's own token: offline_access is left out
            TokenResponse own =
                    OAuthFlowIT.tokenRequest(s, new ClientCredentialsGrant(), Scope.parse("graphql offline_access"));
            assertTrue(
                    own.indicatesSuccess(),
                    () -> own.toErrorResponse().getErrorObject().toString());
            Secrets.note(own.toSuccessResponse().getTokens().getAccessToken().getValue());
            assertEquals(
                    Scope.parse("graphql"),
                    own.toSuccessResponse().getTokens().getAccessToken().getScope());
            assertNull(own.toSuccessResponse().getTokens().getRefreshToken());
        } finally {
            chromium.quit();
        }
    }

    @Test
    void denyingSendsAccessDeniedToThePartnerApp() throws Exception {
        OAuthFlowIT.Setup s = OAuthFlowIT.setup(List.of("graphql"));
        ChromeDriver chromium = browser("de-DE,de");
        try {
            WebDriverWait wait = waitFor(chromium);
            State state = new State();
            int before = partner.received().size();
            open(chromium, OAuthFlowIT.authorize(s, new CodeVerifier(), state, "graphql"));
            login(chromium, wait, s.user(), s.password());
            awaitConsent(chromium, wait);
            chromium.findElement(By.id("deny")).click();
            Map<String, String> query = arrival(chromium, wait, before);
            assertEquals("access_denied", query.get("error"));
            assertEquals(state.getValue(), query.get("state"));
            assertEquals(ItEnv.issuer(), query.get("iss"));
            assertNull(query.get("code"));
        } finally {
            chromium.quit();
        }
    }

    /**
     * A remembered consent: the next sign-in is the login only, and the login form's redirect chain
     * ends at the partner app (CSP form-action on the login page); once logged in, straight through.
     */
    @Test
    void aRememberedConsentIsTheLoginOnlyAndThenStraightThrough() throws Exception {
        OAuthFlowIT.Setup s = OAuthFlowIT.setup(List.of("graphql", "offline_access"));
        ChromeDriver chromium = browser("de-DE,de");
        try {
            WebDriverWait wait = waitFor(chromium);
            int before = partner.received().size();
            open(chromium, OAuthFlowIT.authorize(s, new CodeVerifier(), new State(), "graphql"));
            login(chromium, wait, s.user(), s.password());
            awaitConsent(chromium, wait);
            assertTrue(chromium.findElement(By.id("remember")).isSelected(), "remembering is the default");
            chromium.findElement(By.id("allow")).click();
            arrival(chromium, wait, before);

            // a new browser session: the login, and from it straight to the partner app
            chromium.get(ItEnv.issuer() + "/");
            chromium.manage().deleteAllCookies();
            CodeVerifier verifier = new CodeVerifier();
            State state = new State();
            before = partner.received().size();
            open(chromium, OAuthFlowIT.authorize(s, verifier, state, "graphql"));
            login(chromium, wait, s.user(), s.password());
            Map<String, String> query = arrival(chromium, wait, before);
            assertEquals(state.getValue(), query.get("state"));
            exchange(s, query, verifier);

            // still logged in: no page at all
            verifier = new CodeVerifier();
            before = partner.received().size();
            open(chromium, OAuthFlowIT.authorize(s, verifier, new State(), "graphql"));
            exchange(s, arrival(chromium, wait, before), verifier);
        } finally {
            chromium.quit();
        }
    }

    @Test
    void aWrongPasswordIsSaidAndTheRightOneContinues() throws Exception {
        OAuthFlowIT.Setup s = OAuthFlowIT.setup(List.of("graphql"));
        ChromeDriver chromium = browser("de-DE,de");
        try {
            WebDriverWait wait = waitFor(chromium);
            int before = partner.received().size();
            CodeVerifier verifier = new CodeVerifier();
            open(chromium, OAuthFlowIT.authorize(s, verifier, new State(), "graphql"));
            login(chromium, wait, s.user(), "Falsch!2026");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.error")));
            assertEquals(
                    "Benutzername oder Passwort ist falsch.",
                    chromium.findElement(By.cssSelector("p.error")).getText());
            login(chromium, wait, s.user(), s.password());
            awaitConsent(chromium, wait);
            chromium.findElement(By.id("allow")).click();
            exchange(s, arrival(chromium, wait, before), verifier);
        } finally {
            chromium.quit();
        }
    }

    /**
     * A double click sends both forms: the login still continues the authorization, and a second
     * "Zulassen" never yields a second code — the browser arrives once, with the one code.
     */
    @Test
    void doubleClicksOnLoginAndAllowFinishTheFlowOnce() throws Exception {
        OAuthFlowIT.Setup s = OAuthFlowIT.setup(List.of("graphql"));
        ChromeDriver chromium = browser("de-DE,de");
        try {
            WebDriverWait wait = waitFor(chromium);
            int before = partner.received().size();
            CodeVerifier verifier = new CodeVerifier();
            open(chromium, OAuthFlowIT.authorize(s, verifier, new State(), "graphql"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("j_username")));
            chromium.findElement(By.id("j_username")).sendKeys(s.user());
            chromium.findElement(By.id("j_password")).sendKeys(s.password());
            new Actions(chromium)
                    .doubleClick(chromium.findElement(By.cssSelector("button[type=submit]")))
                    .perform();
            awaitConsent(chromium, wait);

            new Actions(chromium)
                    .doubleClick(chromium.findElement(By.id("allow")))
                    .perform();
            Map<String, String> query = arrival(chromium, wait, before);
            Set<String> codes = partner
                    .received()
                    .subList(before, partner.received().size())
                    .stream()
                    .map(q -> q.get("code"))
                    .collect(Collectors.toSet());
            assertEquals(Set.of(query.get("code")), codes, "one code, however often it arrived");
            Secrets.note(query.get("code"));
            exchange(s, query, verifier);
            TokenResponse again = OAuthFlowIT.tokenRequest(
                    s,
                    new com.nimbusds.oauth2.sdk.AuthorizationCodeGrant(
                            new AuthorizationCode(query.get("code")), OAuthFlowIT.CALLBACK, verifier));
            assertFalse(again.indicatesSuccess(), "the code works once");
        } finally {
            chromium.quit();
        }
    }

    /**
     * A native app (public client) with loopback redirect URIs (RFC 8252 §7.3): the browser reaches
     * whatever port the app listens on, on 127.0.0.1 (the form's CSP names exactly that origin) and
     * on [::1] (CSP cannot name it: a page moves on by itself).
     */
    @Test
    void aNativeAppOnAnyLoopbackPortGetsItsCode() throws Exception {
        String user = Fixtures.graphqlUser();
        Http.Res created = Http.json(
                "POST",
                "/api/admin/applications",
                Http.admin(),
                Json.createObjectBuilder()
                        .add("name", Fixtures.unique("Native "))
                        .add("clientType", "PUBLIC")
                        .add("user", user)
                        .add(
                                "redirectUris",
                                Json.createArrayBuilder()
                                        .add("http://127.0.0.1/cb")
                                        .add("http://[::1]/cb"))
                        .add("scopes", Json.createArrayBuilder().add("graphql"))
                        .build()
                        .toString());
        assertEquals(201, created.status(), created.body());
        ClientID clientId = new ClientID(created.json().getString("clientId"));
        ChromeDriver chromium = browser("de-DE,de");
        try {
            WebDriverWait wait = waitFor(chromium);
            boolean loggedIn = false;
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
                    URI request = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), clientId)
                            .endpointURI(URI.create(ItEnv.issuer() + "/oauth2/authorize"))
                            .redirectionURI(redirect)
                            .scope(Scope.parse("graphql"))
                            .state(new State())
                            .codeChallenge(verifier, CodeChallengeMethod.S256)
                            .build()
                            .toURI();
                    chromium.get(request.toString());
                    if (!loggedIn) {
                        login(chromium, wait, user, Fixtures.PASSWORD + user);
                        loggedIn = true;
                    }
                    if (round < 2) {
                        awaitConsent(chromium, wait);
                        if (round == 0) {
                            chromium.findElement(By.id("remember")).click();
                        }
                        chromium.findElement(By.id("allow")).click();
                    }
                    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("arrived")));
                    Chromium.assertCleanConsole(chromium, "the way back to the native app on " + host);
                    assertEquals(1, received.size(), received.toString());
                    AuthorizationResponse r = AuthorizationResponse.parse(URI.create(redirect + "?" + received.get(0)));
                    TokenResponse t = TokenResponse.parse(new TokenRequest(
                                    URI.create(ItEnv.issuer() + "/oauth2/token"),
                                    clientId,
                                    new com.nimbusds.oauth2.sdk.AuthorizationCodeGrant(
                                            r.toSuccessResponse().getAuthorizationCode(), redirect, verifier))
                            .toHTTPRequest()
                            .send());
                    assertTrue(t.indicatesSuccess(), host);
                    Secrets.note(
                            t.toSuccessResponse().getTokens().getAccessToken().getValue());
                } finally {
                    app.stop(0);
                }
            }
        } finally {
            chromium.quit();
        }
    }

    /** Back from the partner app to the consent page: a page that says the request was answered. */
    @Test
    void theBackButtonAfterArrivingShowsThatTheRequestWasAnswered() throws Exception {
        OAuthFlowIT.Setup s = OAuthFlowIT.setup(List.of("graphql"));
        ChromeDriver chromium = browser("de-DE,de");
        try {
            WebDriverWait wait = waitFor(chromium);
            int before = partner.received().size();
            open(chromium, OAuthFlowIT.authorize(s, new CodeVerifier(), new State(), "graphql"));
            login(chromium, wait, s.user(), s.password());
            awaitConsent(chromium, wait);
            chromium.findElement(By.id("allow")).click();
            arrival(chromium, wait, before);
            chromium.navigate().back();
            try {
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("gone")));
            } catch (RuntimeException e) {
                Chromium.screenshot(chromium, "back-button");
                throw new AssertionError(
                        chromium.getCurrentUrl() + " " + chromium.getTitle() + " "
                                + chromium.findElement(By.tagName("body")).getText() + " "
                                + Chromium.consoleProblems(chromium),
                        e);
            }
            assertTrue(
                    chromium.findElement(By.id("gone")).getText().contains("bereits beantwortet"),
                    chromium.findElement(By.id("gone")).getText());
            assertTrue(chromium.findElements(By.id("allow")).isEmpty(), "nothing to answer again");
            Chromium.assertCleanConsole(chromium, "the answered consent page");
        } finally {
            chromium.quit();
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
        OAuthFlowIT.Setup s = OAuthFlowIT.setup(List.of("graphql"));
        ChromeDriver chromium = browser("de-DE,de");
        try {
            WebDriverWait wait = waitFor(chromium);
            int before = partner.received().size();

            // the session ends while the login page is open: the login still continues the request
            open(chromium, OAuthFlowIT.authorize(s, new CodeVerifier(), new State(), "graphql"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("j_username")));
            chromium.manage().deleteAllCookies();
            login(chromium, wait, s.user(), s.password());
            awaitConsent(chromium, wait);

            // the session ends while the consent page is open
            chromium.manage().deleteAllCookies();
            chromium.findElement(By.id("allow")).click();
            assertExpiredPage(chromium, wait);

            // a tampered request field
            open(chromium, OAuthFlowIT.authorize(s, new CodeVerifier(), new State(), "graphql"));
            login(chromium, wait, s.user(), s.password());
            awaitConsent(chromium, wait);
            chromium.executeScript("document.querySelector('input[name=request]').value = 'abc';");
            chromium.findElement(By.id("allow")).click();
            assertExpiredPage(chromium, wait);

            // a consent page left open longer than the login timeout
            open(chromium, OAuthFlowIT.authorize(s, new CodeVerifier(), new State(), "graphql"));
            awaitConsent(chromium, wait);
            Thread.sleep(31_000);
            chromium.findElement(By.id("allow")).click();
            assertExpiredPage(chromium, wait);
            assertEquals(before, partner.received().size(), "nothing reached the partner app");
        } finally {
            chromium.quit();
        }
    }

    static void assertExpiredPage(ChromeDriver chromium, WebDriverWait wait) {
        wait.until(ExpectedConditions.titleContains("Anmeldung nicht möglich"));
        assertEquals(
                "Diese Anmeldeanfrage ist abgelaufen. Bitte starten Sie die Anmeldung in der Anwendung erneut.",
                chromium.findElement(By.id("lead")).getText());
        Chromium.assertCleanConsole(chromium, "the expired request's page");
    }

    /** An English browser sees English pages throughout; a French one too (no French texts). */
    @Test
    void anEnglishBrowserSeesEveryWordInEnglish() throws Exception {
        OAuthFlowIT.Setup s = OAuthFlowIT.setup(List.of("graphql", "offline_access"));
        for (String languages : List.of("en-US,en", "fr-FR,fr")) {
            ChromeDriver chromium = browser(languages);
            try {
                WebDriverWait wait = waitFor(chromium);
                int before = partner.received().size();
                open(chromium, OAuthFlowIT.authorize(s, new CodeVerifier(), new State(), "graphql offline_access"));
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("j_username")));
                assertEquals("Log in – ERP Connect", chromium.getTitle(), languages);
                login(chromium, wait, s.user(), s.password());
                awaitConsent(chromium, wait);
                assertEquals("Allow access? – ERP Connect", chromium.getTitle());
                assertEquals(
                        "Own application", chromium.findElement(By.id("kind")).getText());
                String page = chromium.findElement(By.tagName("main")).getText();
                assertTrue(page.contains("Read ERP data (GraphQL)"), page);
                assertTrue(page.contains("Lasting access"), page);
                assertEquals("Allow", chromium.findElement(By.id("allow")).getText());
                assertEquals("Deny", chromium.findElement(By.id("deny")).getText());
                Chromium.screenshot(chromium, "partner-consent-" + languages.substring(0, 2));
                chromium.findElement(By.id("deny")).click();
                arrival(chromium, wait, before);
            } finally {
                chromium.quit();
            }
        }
    }

    /**
     * What the partner app got wrong is shown to the user as a page, never redirected (RFC 6749
     * §4.1.2.1) and never as escaped markup, in the user's language.
     */
    @Test
    void anUnknownClientOrRedirectUriIsAReadablePage() throws Exception {
        OAuthFlowIT.Setup s = OAuthFlowIT.setup(List.of("graphql"));
        ChromeDriver chromium = browser("de-DE,de");
        try {
            WebDriverWait wait = waitFor(chromium);
            open(chromium, OAuthFlowIT.authorize(s, new CodeVerifier(), new State(), "graphql"));
            login(chromium, wait, s.user(), s.password());
            awaitConsent(chromium, wait);
            String valid = OAuthFlowIT.authorize(s, new CodeVerifier(), new State(), "graphql")
                    .toString();

            chromium.get(valid.replace(s.app().getString("clientId"), "ec-unknown"));
            wait.until(ExpectedConditions.titleIs("Anmeldung nicht möglich – ERP Connect"));
            assertEquals(
                    "Die Anwendung (client_id) fehlt oder ist unbekannt.",
                    chromium.findElement(By.id("message")).getText());
            assertTrue(chromium.findElement(By.id("lead")).getText().contains("Anbieter der Anwendung"));
            assertFalse(chromium.findElement(By.tagName("body")).getText().contains("<"), "no markup shown");
            Chromium.assertCleanConsole(chromium, "the unknown client's page");

            chromium.get(valid.replace("partner.example.com", "evil.example.com"));
            wait.until(ExpectedConditions.titleIs("Anmeldung nicht möglich – ERP Connect"));
            assertEquals(
                    "Die Rücksprungadresse (redirect_uri) ist für diese Anwendung nicht registriert.",
                    chromium.findElement(By.id("message")).getText());
            assertTrue(chromium.getCurrentUrl().startsWith(ItEnv.issuer()), "not redirected");
        } finally {
            chromium.quit();
        }
        ChromeDriver english = browser("en-GB,en");
        try {
            WebDriverWait wait = waitFor(english);
            open(english, OAuthFlowIT.authorize(s, new CodeVerifier(), new State(), "graphql"));
            login(english, wait, s.user(), s.password());
            awaitConsent(english, wait);
            english.get(OAuthFlowIT.authorize(s, new CodeVerifier(), new State(), "graphql")
                    .toString()
                    .replace("partner.example.com", "evil.example.com"));
            wait.until(ExpectedConditions.titleIs("Sign-in not possible – ERP Connect"));
            assertEquals(
                    "The redirect address (redirect_uri) is not registered for this application.",
                    english.findElement(By.id("message")).getText());
        } finally {
            english.quit();
        }
    }
}
