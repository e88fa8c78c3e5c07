package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The interactive web UI (DESIGN §7): GraphiQL at /graphiql behind the FORM login, only while the
 * flag "Interaktive Web-Oberfläche aktivieren" is on (Enterprise; the Core refusal is in
 * LicenceIT), with a short-lived token from the built-in first-party public PKCE client — in a
 * real headless Chromium, and the client's rules over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
class GraphiqlIT {

    static final String CLIENT_ID = "erpconnect-graphiql";
    static final String QUERY = "{ tblAddresses { rowRead(kf1AdrNr: {string: \"10000\"}) { fldAdrNr } } }";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItEnv.ear();
    }

    @AfterEach
    void switchOff() {
        interactive(false);
    }

    static void interactive(boolean on) {
        Http.Res r =
                Http.json("PUT", "/api/admin/services/graphql-server", Http.admin(), "{\"interactive\":" + on + "}");
        assertEquals(200, r.status(), r.body());
    }

    static String redirectUri() {
        return ItEnv.issuer() + "/graphiql";
    }

    static URI authorize(CodeVerifier verifier, State state, String redirectUri) {
        return new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE), new ClientID(CLIENT_ID))
                .endpointURI(URI.create(ItEnv.issuer() + "/oauth2/authorize"))
                .redirectionURI(URI.create(redirectUri))
                .scope(Scope.parse("graphql graphql.write"))
                .state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    static Browser loggedIn(String user) {
        Browser browser = new Browser();
        HttpResponse<String> first = browser.get("/graphiql");
        assertEquals(302, first.statusCode(), "the page is behind the FORM login");
        assertEquals(ItEnv.issuer() + "/login.xhtml", Browser.location(first));
        HttpResponse<String> back = browser.login(user, Fixtures.PASSWORD + user);
        assertEquals(ItEnv.issuer() + "/graphiql", Browser.location(back));
        return browser;
    }

    @Test
    void theBuiltInClientGivesAShortLivedTokenWithoutConsentAndOnlyWhileTheFlagIsOn() throws Exception {
        interactive(true);
        String user = Fixtures.graphqlUser();
        Browser browser = loggedIn(user);
        HttpResponse<String> page = browser.get("/graphiql");
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("data-client-id=\"" + CLIENT_ID + "\""), page.body());
        assertFalse(page.body().contains("eyJ"), "the page itself carries no token");

        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        HttpResponse<String> authorized =
                browser.get(authorize(verifier, state, redirectUri()).toString());
        assertEquals(303, authorized.statusCode(), "first party: no consent page");
        AuthorizationResponse response = AuthorizationResponse.parse(URI.create(Browser.location(authorized)));
        assertTrue(response.indicatesSuccess(), response.toString());
        assertEquals(state, response.getState());

        TokenResponse tokens = TokenResponse.parse(new TokenRequest(
                        URI.create(ItEnv.issuer() + "/oauth2/token"),
                        new ClientID(CLIENT_ID),
                        new AuthorizationCodeGrant(
                                response.toSuccessResponse().getAuthorizationCode(),
                                URI.create(redirectUri()),
                                verifier))
                .toHTTPRequest()
                .send());
        assertTrue(
                tokens.indicatesSuccess(),
                () -> tokens.toErrorResponse().getErrorObject().toString());
        AccessTokenResponse ok = tokens.toSuccessResponse();
        String token = Secrets.note(ok.getTokens().getAccessToken().getValue());
        assertEquals(300, ok.getTokens().getAccessToken().getLifetime(), "short-lived");
        assertNull(ok.getTokens().getRefreshToken(), "no refresh token");
        Http.Res data = Http.graphql(token, QUERY);
        assertEquals(200, data.status(), data.body());
        assertTrue(data.body().contains("10000"), data.body());

        // the flag off: the outstanding token stops working at once, and no new code is issued
        interactive(false);
        assertEquals(401, Http.graphql(token, QUERY).status());
        HttpResponse<String> refused =
                browser.get(authorize(new CodeVerifier(), state, redirectUri()).toString());
        assertEquals(303, refused.statusCode());
        assertTrue(Browser.location(refused).contains("error=unauthorized_client"), Browser.location(refused));
        HttpResponse<String> off = browser.get("/graphiql");
        assertEquals(404, off.statusCode());
        assertTrue(off.body().contains("nicht aktiviert"), off.body());
    }

    @Test
    void theBuiltInClientRedirectsOnlyToThePageAndIsNotAnAdminsApplication() throws Exception {
        interactive(true);
        Browser browser = loggedIn(Fixtures.graphqlUser());
        HttpResponse<String> elsewhere =
                browser.get(authorize(new CodeVerifier(), new State(), "https://evil.example.com/graphiql")
                        .toString());
        assertEquals(400, elsewhere.statusCode(), "shown on our page, never redirected");
        assertTrue(elsewhere.body().contains("redirect_uri"), elsewhere.body());

        Http.Res list = Http.get("/api/admin/applications?q=GraphiQL", Http.admin());
        assertEquals(200, list.status(), list.body());
        assertEquals(0, list.json().getInt("total"), list.body());
        assertFalse(Http.get("/api/admin/applications?size=100", Http.admin())
                .body()
                .contains(CLIENT_ID));
    }

    @Test
    void usersWithoutGraphqlAccessAreToldWhy() {
        interactive(true);
        String login = Fixtures.user(Map.of(), List.of("user"), List.of(), false);
        HttpResponse<String> page = loggedIn(login).get("/graphiql");
        assertEquals(403, page.statusCode());
        assertTrue(page.body().contains("Zugriff über GraphQL"), page.body());
    }

    @Test
    void graphiqlRunsAQueryInARealBrowser() {
        interactive(true);
        String user = Fixtures.graphqlUser();
        ChromeDriver chromium = Chromium.start();
        try {
            WebDriverWait wait = new WebDriverWait(chromium, Duration.ofSeconds(60));
            chromium.get(ItEnv.issuer() + "/graphiql?query=" + URLEncoder.encode(QUERY, StandardCharsets.UTF_8));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("j_username")));
            assertTrue(chromium.getTitle().contains("Anmelden"), chromium.getTitle());
            chromium.findElement(By.id("j_username")).sendKeys(user);
            chromium.findElement(By.id("j_password")).sendKeys(Fixtures.PASSWORD + user);
            chromium.findElement(By.cssSelector("button[type=submit]")).click();

            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".graphiql-execute-button")));
            assertEquals("GraphiQL – ERP Connect", chromium.getTitle());
            String url = chromium.getCurrentUrl();
            assertFalse(url.contains("code="), "the code is gone from the address bar: " + url);
            assertTrue(url.contains("query="), "the query the page was opened with is kept: " + url);
            assertFalse(storage(chromium).contains("eyJ"), "the token is not kept in the browser's storage");

            chromium.findElement(By.cssSelector(".graphiql-execute-button")).click();
            wait.until(d -> responseText(d).contains("fldAdrNr"));
            String result = responseText(chromium);
            assertTrue(result.contains("\"10000\""), result);
            assertFalse(result.contains("errors"), result);
            Chromium.screenshot(chromium, "graphiql");
            Chromium.assertCleanConsole(chromium, "the GraphiQL sign-in and query");
        } finally {
            chromium.quit();
        }
    }

    private static String responseText(WebDriver driver) {
        return driver.findElements(By.cssSelector(".graphiql-response")).stream()
                .map(e -> e.getText())
                .findFirst()
                .orElse("");
    }

    private static String storage(ChromeDriver chromium) {
        Object all = chromium.executeScript(
                "return JSON.stringify(Object.assign({}, localStorage)) + JSON.stringify(Object.assign({},"
                        + " sessionStorage)) + document.cookie;");
        return String.valueOf(all);
    }
}
