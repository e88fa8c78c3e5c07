package de.erpconnect.it;

import static de.erpconnect.it.AdminPagesIT.login;
import static de.erpconnect.it.AdminPagesIT.navigate;
import static de.erpconnect.it.AdminPagesIT.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin pages of the OAuth side in a real headless Chromium: "Anwendungen verwalten" (the
 * one-time Client-ID/Client-Secret dialog with working copy buttons, the secret then used for a
 * client-credentials token, "Secret erneuern", deactivate and delete with confirmation),
 * "Zugangsdaten" (the secret stored write-only, "Testen" against the token endpoint, the exact
 * OAuth error once the application is gone) and "Freigaben" (a grant from a real consent,
 * revoked from the page, effective on /graphql at once). Screenshots go to target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
class AdminApplicationPagesIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItEnv.ear();
    }

    @Test
    void anApplicationIsCreatedItsSecretShownOnceAndUsableAndTheCredentialsPageTestsIt() throws Exception {
        String user = Fixtures.graphqlUser();
        String name = Fixtures.unique("Seiten-App ");
        ChromeDriver chromium = Chromium.start();
        try {
            WebDriverWait wait = waitFor(chromium);
            Chromium.allowClipboard(chromium);
            login(chromium, wait, "admin", ItEnv.adminPassword());
            navigate(chromium, wait, "nav-applications", "applications:list");
            assertEquals("Anwendungen verwalten – ERP Connect – Verwaltung", chromium.getTitle());

            // "Neu" without a Bezeichnung: the refusal stands next to the field, nothing is stored
            chromium.findElement(By.id("applications:new")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("application:name")));
            long before =
                    Http.get("/api/admin/applications", Http.admin()).json().getInt("total");
            chromium.findElement(By.id("application:save")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("application"), "Die Bezeichnung ist erforderlich."));
            assertEquals(
                    before,
                    Http.get("/api/admin/applications", Http.admin()).json().getInt("total"),
                    "a refused form stores nothing");

            chromium.findElement(By.id("application:name")).sendKeys(name);
            WebElement userField = chromium.findElement(By.id("application:user_input"));
            userField.sendKeys(user);
            userField.sendKeys(Keys.ESCAPE);
            chromium.findElement(By.id("application:redirectUris")).sendKeys("https://partner.example.com/cb");
            assertTrue(
                    chromium.findElement(By.id("application:kind")).getText().contains("Eigene Anwendung"),
                    "Enterprise offers own applications");
            Chromium.screenshot(chromium, "admin-application-form");
            chromium.findElement(By.id("application:save")).click();

            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("secret:clientSecret")));
            String clientId = chromium.findElement(By.id("secret:clientId")).getText();
            String secret = Secrets.note(
                    chromium.findElement(By.id("secret:clientSecret")).getText());
            assertTrue(clientId.length() > 10 && secret.length() > 20, clientId);
            assertTrue(chromium.findElement(By.id("secret:warning"))
                    .getText()
                    .contains("kann nicht noch einmal angezeigt"));
            Chromium.screenshot(chromium, "admin-application-secret");

            chromium.findElement(By.id("secret:copyClientSecret")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("secret:copyClientSecret"), "Kopiert"));
            assertEquals(secret, clipboard(chromium), "the copy button puts the secret on the clipboard");
            chromium.findElement(By.id("secret:copyClientId")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("secret:copyClientId"), "Kopiert"));
            assertEquals(clientId, clipboard(chromium));

            chromium.findElement(By.id("secret:understood")).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("secretDialog")));
            assertFalse(chromium.getPageSource().contains(secret), "the secret left the page");
            search(chromium, wait, "applications", name, clientId);
            chromium.navigate().refresh();
            search(chromium, wait, "applications", name, clientId);
            assertFalse(chromium.getPageSource().contains(secret), "the list never shows a secret");

            // the secret from the dialog works at the token endpoint
            String token = Fixtures.token(clientId, secret, "graphql");
            assertEquals(200, Http.graphql(token, GraphqlAccessIT.QUERY).status());

            // "Zugangsdaten": store the pair (write-only secret), "Testen" gets a token with it
            navigate(chromium, wait, "nav-credentials", "credentials:list");
            assertEquals("Zugangsdaten – ERP Connect – Verwaltung", chromium.getTitle());
            chromium.findElement(By.id("credentials:new")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("credential:name")));
            assertEquals(
                    "microtech Cloud",
                    chromium.findElement(By.id("credential:name")).getAttribute("value"),
                    "the Bezeichnung comes from the preselected Art");
            String number =
                    chromium.findElement(By.id("credential:number_input")).getAttribute("value");
            // the Art whose token endpoint is this server's own (the microtech Cloud's is its realm's)
            Chromium.choose(chromium, wait, "credential:kind", "ERP-Connect");
            wait.until(ExpectedConditions.attributeToBe(By.id("credential:name"), "value", "ERP-Connect"));
            String label = Fixtures.unique("Cloud ");
            chromium.findElement(By.id("credential:name")).clear();
            chromium.findElement(By.id("credential:name")).sendKeys(label);
            chromium.findElement(By.cssSelector("#credential\\:active .ui-chkbox-box"))
                    .click(); // inactive: another test may hold the active "ERP-Connect" record
            chromium.findElement(By.id("credential:tabs:clientId")).sendKeys(clientId);
            chromium.findElement(By.id("credential:save")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("credential:tabs"), "Das Client-Secret ist erforderlich."));
            assertEquals(
                    404,
                    Http.get("/api/admin/credentials/" + number, Http.admin()).status());
            chromium.findElement(By.id("credential:tabs:clientSecret")).sendKeys(secret);
            chromium.findElement(By.id("credential:save")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("messages"), "Zugangsdaten " + number + " angelegt."));
            assertFalse(chromium.getPageSource().contains(secret), "the stored secret is not shown");
            search(chromium, wait, "credentials", label, clientId);
            Chromium.screenshot(chromium, "admin-credentials");
            WebElement row = credentialRow(chromium, number);
            row.findElement(By.cssSelector("[id$=':test']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("messages"), "Test der Zugangsdaten " + number + " erfolgreich"));

            // "Secret erneuern" without a grace period: the old secret ends at once
            navigate(chromium, wait, "nav-applications", "applications:list");
            search(chromium, wait, "applications", name, clientId);
            applicationRow(chromium, clientId)
                    .findElement(By.cssSelector("[id$=':edit']"))
                    .click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("application:graceSeconds_input")));
            WebElement grace = chromium.findElement(By.id("application:graceSeconds_input"));
            grace.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "0");
            chromium.findElement(By.id("application:rotate")).click();
            confirm(chromium, wait);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("secret:clientSecret")));
            String renewed = Secrets.note(
                    chromium.findElement(By.id("secret:clientSecret")).getText());
            assertEquals(
                    clientId, chromium.findElement(By.id("secret:clientId")).getText());
            assertFalse(renewed.equals(secret));
            chromium.findElement(By.id("secret:understood")).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("secretDialog")));
            assertEquals(401, clientCredentials(clientId, secret).status(), "the old secret ended");
            Fixtures.token(clientId, renewed, "graphql");

            // deactivate (with confirmation): no more tokens; the outstanding one stops at once
            confirmed(
                    chromium,
                    wait,
                    applicationRow(chromium, clientId),
                    "deactivate",
                    "Anwendung " + name + " deaktiviert");
            Http.Res refused = clientCredentials(clientId, renewed);
            assertEquals(400, refused.status(), refused.body());
            assertEquals("unauthorized_client", refused.json().getString("error"));
            assertEquals(401, Http.graphql(token, GraphqlAccessIT.QUERY).status());

            // delete (with confirmation): "Testen" of the stored credentials reports the OAuth error
            confirmed(chromium, wait, applicationRow(chromium, clientId), "delete", "Anwendung " + name + " gelöscht.");
            assertFalse(
                    chromium.findElement(By.id("applications:list")).getText().contains(clientId));
            navigate(chromium, wait, "nav-credentials", "credentials:list");
            search(chromium, wait, "credentials", label, clientId);
            credentialRow(chromium, number)
                    .findElement(By.cssSelector("[id$=':test']"))
                    .click();
            wait.until(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "abgelehnt: invalid_client"));
            assertTrue(messages(chromium).contains("Bitte Client-ID und Client-Secret prüfen."), messages(chromium));
            assertTrue(messages(chromium).contains("Test der Zugangsdaten " + number + " fehlgeschlagen"));

            confirmed(
                    chromium, wait, credentialRow(chromium, number), "delete", "Zugangsdaten " + number + " gelöscht.");
            assertEquals(
                    404,
                    Http.get("/api/admin/credentials/" + number, Http.admin()).status());
        } finally {
            chromium.quit();
        }
    }

    @Test
    void theGrantsPageListsAConsentAndRevokesItAtOnce() throws Exception {
        OAuthFlowIT.Setup setup = OAuthFlowIT.setup(List.of("graphql", "offline_access"));
        AccessTokenResponse tokens = OAuthFlowIT.fullFlow(setup, new Browser());
        assertEquals(200, OAuthFlowIT.graphqlStatus(tokens));
        ChromeDriver chromium = Chromium.start();
        try {
            WebDriverWait wait = waitFor(chromium);
            login(chromium, wait, "admin", ItEnv.adminPassword());
            navigate(chromium, wait, "nav-grants", "grants:list");
            assertEquals("Freigaben – ERP Connect – Verwaltung", chromium.getTitle());
            chromium.findElement(By.id("grants:user")).sendKeys(setup.user());
            chromium.findElement(By.id("grants:filter")).click();
            wait.until(d -> grantRows(chromium).size() == 1
                    && grantRows(chromium).get(0).getText().contains(setup.user()));
            String row = grantRows(chromium).get(0).getText();
            assertTrue(row.contains(setup.app().getString("name")), row);
            assertTrue(row.contains(setup.app().getString("clientId")), row);
            assertTrue(row.contains("graphql offline_access"), row);
            assertTrue(row.contains("Aktiv"), row);
            Chromium.screenshot(chromium, "admin-grants");

            confirmed(chromium, wait, grantRows(chromium).get(0), "revoke", "Die Freigabe wurde widerrufen.");
            assertEquals(401, OAuthFlowIT.graphqlStatus(tokens), "revoked on /graphql at once");
            wait.until(d -> grantRows(chromium).get(0).getText().contains("Keine Freigaben"));

            chromium.findElement(By.cssSelector("#grants\\:includeRevoked .ui-chkbox-box"))
                    .click();
            chromium.findElement(By.id("grants:filter")).click();
            wait.until(d -> grantRows(chromium).get(0).getText().contains("Widerrufen am"));
            assertTrue(grantRows(chromium).get(0).getText().contains("revoked by an administrator"));
            JsonObject listed = Http.get("/api/admin/grants?user=" + setup.user() + "&revoked=true", Http.admin())
                    .json()
                    .getJsonArray("items")
                    .getJsonObject(0);
            assertFalse(listed.isNull("revokedAt"), listed.toString());

            // a login that cannot exist is refused next to the filter, not with an error page
            WebElement filterUser = chromium.findElement(By.id("grants:user"));
            filterUser.clear();
            filterUser.sendKeys("kein gültiger Name");
            chromium.findElement(By.id("grants:filter")).click();
            wait.until(d -> !messages(chromium).isBlank());
            assertTrue(chromium.findElement(By.id("grants:list")).getText().contains("Keine Freigaben"));
        } finally {
            chromium.quit();
        }
    }

    /**
     * "Schlüssel (private_key_jwt)" on an application's page: a JWK Set with a private key is
     * refused next to the field in German and changes nothing; the public keys are registered with
     * confirmation and listed with kid, algorithm and fingerprint; from then on a signed assertion
     * gets tokens and the secret does not.
     */
    @Test
    void theKeysOfAnApplicationAreRegisteredOnItsPage() throws Exception {
        JsonObject app = Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), null);
        String clientId = app.getString("clientId");
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("partner-2026").generate();
        ChromeDriver chromium = Chromium.start();
        try {
            WebDriverWait wait = waitFor(chromium);
            editApplication(chromium, wait, app);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("application:jwks")));
            assertTrue(chromium.findElement(By.id("application:keys"))
                    .getText()
                    .contains("meldet sich mit ihrem Client-Secret an"));

            WebElement jwks = chromium.findElement(By.id("application:jwks"));
            jwks.sendKeys(new JWKSet(key).toString(false));
            chromium.findElement(By.id("application:registerKeys")).click();
            confirm(chromium, wait);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("application"), "enthält privates Schlüsselmaterial ('d')"));
            assertEquals(
                    200,
                    clientCredentials(clientId, app.getString("clientSecret")).status(),
                    "nothing changed");

            jwks = chromium.findElement(By.id("application:jwks"));
            jwks.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            jwks.sendKeys(new JWKSet(key.toPublicJWK()).toString());
            chromium.findElement(By.id("application:registerKeys")).click();
            confirm(chromium, wait);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("messages"), "Schlüssel für " + app.getString("name") + " hinterlegt"));
            String listed = chromium.findElement(By.id("application:keys")).getText();
            assertTrue(listed.contains("partner-2026 · ES256 · SHA-256 " + key.computeThumbprint()), listed);
            Chromium.assertCleanConsole(chromium, "the applications page after registering keys");
        } finally {
            chromium.quit();
        }
        assertEquals(
                401, clientCredentials(clientId, app.getString("clientSecret")).status(), "the secret ended");
        TokenResponse response = TokenResponse.parse(new TokenRequest(
                        URI.create(ItEnv.baseUrl() + "/oauth2/token"),
                        ClientAssertionIT.es256(clientId, key),
                        new ClientCredentialsGrant())
                .toHTTPRequest()
                .send());
        assertTrue(
                response.indicatesSuccess(),
                () -> response.toErrorResponse().getErrorObject().toString());
        Secrets.note(
                ((AccessTokenResponse) response).getTokens().getAccessToken().getValue());
    }

    /**
     * "FAPI 2.0" on an application's page: without keys it is refused in German and nothing
     * changes; with keys it is switched on after a confirmation (PAR fixed on, "Secret erneuern"
     * gone); switching off shows the new secret once, and that secret gets tokens again.
     */
    @Test
    void theFapi2SwitchIsTurnedOnAndOffOnTheApplicationsPage() throws Exception {
        JsonObject app = Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), null);
        String clientId = app.getString("clientId");
        ChromeDriver chromium = Chromium.start();
        try {
            WebDriverWait wait = waitFor(chromium);
            editApplication(chromium, wait, app);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("application:enableFapi2")));
            assertEquals(
                    "FAPI 2.0 ist ausgeschaltet.",
                    chromium.findElement(By.id("fapi2State")).getText());
            chromium.findElement(By.id("application:enableFapi2")).click();
            confirm(chromium, wait);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("application"), "FAPI 2.0 erlaubt kein Client-Secret"));
            assertEquals(
                    200,
                    clientCredentials(clientId, app.getString("clientSecret")).status(),
                    "nothing changed");

            ClientAssertionIT.registeredKey(app, "fapi-page");
            chromium.findElement(By.id("application:enableFapi2")).click();
            confirm(chromium, wait);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("messages"), "FAPI 2.0 für " + app.getString("name") + " eingeschaltet"));
            assertEquals(
                    "FAPI 2.0 ist eingeschaltet.",
                    chromium.findElement(By.id("fapi2State")).getText());
            assertTrue(
                    chromium.findElement(By.id("application:requirePar_input")).isSelected(), "PAR is required");
            assertFalse(
                    chromium.findElement(By.id("application:requirePar_input")).isEnabled(), "and cannot be unchecked");
            assertTrue(chromium.findElements(By.id("application:rotate")).isEmpty(), "no secret to renew");
            Chromium.assertCleanConsole(chromium, "the applications page with FAPI 2.0 on");

            chromium.findElement(By.id("application:disableFapi2")).click();
            confirm(chromium, wait);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("secret:clientSecret")));
            String secret = chromium.findElement(By.id("secret:clientSecret")).getText();
            Secrets.note(secret);
            chromium.findElement(By.id("secret:understood")).click();
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("secret:clientSecret")));
            Chromium.assertCleanConsole(chromium, "the applications page after FAPI 2.0 was switched off");
            assertEquals(200, clientCredentials(clientId, secret).status(), "the new secret works");
        } finally {
            chromium.quit();
        }
    }

    /** Logs the admin in and opens the application's form on "Anwendungen verwalten". */
    private static void editApplication(ChromeDriver chromium, WebDriverWait wait, JsonObject app) {
        login(chromium, wait, "admin", ItEnv.adminPassword());
        navigate(chromium, wait, "nav-applications", "applications:list");
        search(chromium, wait, "applications", app.getString("name"), app.getString("clientId"));
        applicationRow(chromium, app.getString("clientId"))
                .findElement(By.cssSelector("[id$=':edit']"))
                .click();
    }

    /** Narrows a list to one record by the page's search field (other tests fill the lists). */
    private static void search(ChromeDriver chromium, WebDriverWait wait, String form, String text, String expected) {
        WebElement q = chromium.findElement(By.id(form + ":q"));
        q.clear();
        q.sendKeys(text);
        chromium.findElement(By.id(form + ":search")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(form + ":list"), expected));
    }

    private static Http.Res clientCredentials(String clientId, String secret) {
        return Http.token(Http.basic(clientId, secret), "grant_type=client_credentials");
    }

    static String clipboard(ChromeDriver chromium) {
        return (String) chromium.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " navigator.clipboard.readText().then(done, e => done('clipboard refused: ' + e));");
    }

    /** Clicks the action of a table row, answers its confirmation with "Ja" and waits for the message. */
    private static void confirmed(
            ChromeDriver chromium, WebDriverWait wait, WebElement row, String action, String message) {
        row.findElement(By.cssSelector("[id$=':" + action + "']")).click();
        confirm(chromium, wait);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), message));
    }

    private static void confirm(ChromeDriver chromium, WebDriverWait wait) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirmdialog-yes")));
        chromium.findElement(By.cssSelector(".ui-confirmdialog-yes")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".ui-confirmdialog-yes")));
    }

    private static WebElement applicationRow(ChromeDriver chromium, String clientId) {
        return chromium.findElements(By.cssSelector("#applications\\:list_data tr")).stream()
                .filter(r -> r.getText().contains(clientId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + clientId));
    }

    private static WebElement credentialRow(ChromeDriver chromium, String number) {
        return chromium.findElements(By.cssSelector("#credentials\\:list_data tr")).stream()
                .filter(r -> r.findElements(By.tagName("td")).size() > 1
                        && r.findElements(By.tagName("td")).get(0).getText().equals(number))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for access credentials " + number));
    }

    private static List<WebElement> grantRows(ChromeDriver chromium) {
        return chromium.findElements(By.cssSelector("#grants\\:list_data tr"));
    }

    private static String messages(ChromeDriver chromium) {
        return chromium.findElement(By.id("messages")).getText();
    }
}
