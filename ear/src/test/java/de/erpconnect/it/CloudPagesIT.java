package de.erpconnect.it;

import static de.erpconnect.it.AdminPagesIT.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The vendor cloud's pages in a real headless Chromium (DESIGN §9, the seed's screens), end to end
 * in one server with both roles: the vendor's invitation → registration → login with customer
 * number → "Anwendungen" → ClientId and ClientSecret from the one-time dialog → stored as ERP
 * Zugangsdaten "microtech Cloud" → "Testen" succeeds against the installation's realm; the cloud
 * application deleted → "Testen" reports invalid_client. Also: realms are isolated from each
 * other and from the ERP, and "Passwort vergessen?" works through a mail read from a local sink.
 */
@ExtendWith(ArquillianExtension.class)
class CloudPagesIT {

    private static final String PASSWORD = CloudRegistrationIT.PASSWORD;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItEnv.ear();
    }

    @Test
    void fromTheInvitationToASuccessfulTestenAndBackToInvalidClient() {
        // the ERP installation's customer number names its realm in the cloud
        JsonObject licence = Http.get("/api/admin/licence", Http.admin()).json();
        // the dev-mode evaluation (the suite's server) is customer 0000000000 until a product key says otherwise
        String customer = licence.containsKey("customerNumber") ? licence.getString("customerNumber") : "0000000000";
        assertTrue(licence.containsKey("customerNumber") || licence.getBoolean("evaluation"), licence.toString());
        CloudFixtures.cloudReachable();
        // before the customer registers, "Testen" says that the cloud knows no realm for the number
        AccessCredentialsIT.deactivateAll("MICROTECH_CLOUD");
        int early = AccessCredentialsIT.create(AccessCredentialsIT.credential(
                        "MICROTECH_CLOUD", false, "noch-keine-anwendung", Fixtures.unique("Vorab-")))
                .getInt("number");
        JsonObject noRealm = AccessCredentialsIT.test(early);
        assertFalse(noRealm.getBoolean("ok"));
        assertTrue(
                noRealm.getString("message")
                        .contains("No cloud realm is registered for the customer number '" + customer + "'"),
                noRealm.toString());

        String link = CloudFixtures.invite(customer);
        ChromeDriver chromium = Chromium.start();
        try {
            WebDriverWait wait = waitFor(chromium);
            Chromium.allowClipboard(chromium);
            chromium.get(link);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("registration:firstName")));
            assertEquals("Registrierung – microtech Cloud", chromium.getTitle());
            assertEquals(customer, chromium.findElement(By.id("realmName")).getText());
            assertEquals(
                    "it@muster.example", chromium.findElement(By.id("email")).getText());
            assertTrue(chromium.findElement(By.id("passwordHint")).getText().contains("Sonderzeichen"));
            chromium.findElement(By.id("registration:firstName")).sendKeys("Markus");
            chromium.findElement(By.id("registration:lastName")).sendKeys("Muster");
            chromium.findElement(By.id("registration:username")).sendKeys("Admini");
            chromium.findElement(By.id("registration:password")).sendKeys(PASSWORD);
            chromium.findElement(By.id("registration:passwordConfirmation")).sendKeys(PASSWORD);
            Chromium.screenshot(chromium, "cloud-registration");
            chromium.findElement(By.id("registration:register")).click();

            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("registered")));
            assertEquals(customer, chromium.findElement(By.id("customerNumber")).getAttribute("value"));
            loginToPortal(chromium, wait, null, "admini", PASSWORD);
            assertEquals(
                    "Noch keine Anwendungen angelegt",
                    chromium.findElement(By.id("noApplications")).getText());
            Chromium.screenshot(chromium, "cloud-applications-empty");

            String[] pair = addApplication(chromium, wait, "microtech büro+", true);
            String clientId = pair[0];
            String secret = pair[1];
            assertTrue(
                    chromium.findElement(By.id("applications:table")).getText().contains(clientId));
            assertTrue(
                    chromium.findElement(By.id("applications:table")).getText().contains("microtech büro+"));
            assertFalse(chromium.getPageSource().contains(secret), "the overview never shows the secret");
            Chromium.screenshot(chromium, "cloud-applications");

            // the ERP side: Zugangsdaten "microtech Cloud" with that pair; "Testen" targets the realm
            AccessCredentialsIT.deactivateAll("MICROTECH_CLOUD");
            int number = AccessCredentialsIT.create(
                            AccessCredentialsIT.credential("MICROTECH_CLOUD", false, clientId, secret))
                    .getInt("number");
            JsonObject ok = AccessCredentialsIT.test(number);
            assertTrue(ok.getBoolean("ok"), ok.toString());
            assertTrue(ok.getString("message").startsWith("Connection OK"), ok.toString());

            // the realm's token speaks for the realm, and for nothing of the ERP
            Http.Res token = CloudFixtures.realmToken(customer, clientId, secret);
            assertEquals(200, token.status(), token.body());
            assertEquals("no-store", token.header("Cache-Control"));
            assertEquals("cloud", token.json().getString("scope"));
            String accessToken = Secrets.note(token.json().getString("access_token"));
            Http.Res account = Http.get("/cloud/realms/" + customer + "/api/account", Http.bearer(accessToken));
            assertEquals(200, account.status(), account.body());
            assertEquals(customer, account.json().getString("customerNumber"));
            assertEquals("admini", account.json().getString("user"));
            assertEquals(401, Http.graphql(accessToken, GraphqlAccessIT.QUERY).status());

            // delete the cloud application (after a warning): "Testen" names the OAuth error
            chromium.findElement(By.cssSelector("#applications\\:table [id$=':delete']"))
                    .click();
            confirm(chromium, wait);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("noApplications")));
            JsonObject refused = AccessCredentialsIT.test(number);
            assertFalse(refused.getBoolean("ok"), refused.toString());
            assertTrue(refused.getString("message").contains("invalid_client"), refused.toString());
            assertEquals(
                    401,
                    Http.get("/cloud/realms/" + customer + "/api/account", Http.bearer(accessToken))
                            .status(),
                    "the deleted application's token stops at once");
            Chromium.assertCleanConsole(chromium, "the cloud's registration, login and applications");
        } finally {
            chromium.quit();
        }
    }

    @Test
    void realmsAreIsolatedFromEachOtherAndFromTheErp() {
        String a = CloudFixtures.customerNumber();
        String b = CloudFixtures.customerNumber();
        CloudFixtures.registerRealm(a, "anna", PASSWORD);
        String passwordB = "Realm!B-2026";
        CloudFixtures.registerRealm(b, "anna", passwordB);
        ChromeDriver chromium = Chromium.start();
        String[] appA;
        String[] appB;
        try {
            WebDriverWait wait = waitFor(chromium);
            loginToPortal(chromium, wait, a, "anna", PASSWORD);
            appA = addApplication(chromium, wait, "Anwendung A", false);
            logout(chromium, wait);
            loginToPortal(chromium, wait, b, "anna", passwordB);
            appB = addApplication(chromium, wait, "Anwendung B", false);
            assertFalse(chromium.getPageSource().contains(appA[0]), "realm B's list shows nothing of realm A");

            // an ERP admin session does not open the cloud's pages; a cloud session not the ERP's
            chromium.get(ItEnv.issuer() + "/admin/");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("j_username")));
        } finally {
            chromium.quit();
        }
        Browser erpAdmin = new Browser();
        erpAdmin.login("admin", ItEnv.adminPassword());
        HttpResponse<String> portal = erpAdmin.get("/cloud/portal/applications.xhtml");
        assertEquals(302, portal.statusCode());
        assertTrue(Browser.location(portal).endsWith("/cloud/login.xhtml"), Browser.location(portal));

        // a client of realm A is unknown in realm B and in the ERP
        Http.Res crossToken = CloudFixtures.realmToken(b, appA[0], appA[1]);
        assertEquals(401, crossToken.status(), crossToken.body());
        assertEquals("invalid_client", crossToken.json().getString("error"));
        assertEquals(
                401,
                Http.token(Http.basic(appA[0], appA[1]), "grant_type=client_credentials")
                        .status());
        JsonObject erpApp = Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), null);
        Http.Res erpClient =
                CloudFixtures.realmToken(a, erpApp.getString("clientId"), erpApp.getString("clientSecret"));
        assertEquals(401, erpClient.status(), "an ERP application is nobody in a realm");

        // a token of realm A is refused by realm B's API, the ERP's APIs, and works in realm A
        Http.Res tokenA = CloudFixtures.realmToken(a, appA[0], appA[1]);
        assertEquals(200, tokenA.status(), tokenA.body());
        String accessA = Secrets.note(tokenA.json().getString("access_token"));
        Http.Res inB = Http.get("/cloud/realms/" + b + "/api/account", Http.bearer(accessA));
        assertEquals(401, inB.status(), inB.body());
        assertTrue(inB.header("WWW-Authenticate").contains("invalid_token"));
        assertEquals(401, Http.graphql(accessA, GraphqlAccessIT.QUERY).status());
        assertEquals(401, Http.get("/api/admin/users", Http.bearer(accessA)).status());
        Http.Res inA = Http.get("/cloud/realms/" + a + "/api/account", Http.bearer(accessA));
        assertEquals(200, inA.status(), inA.body());
        assertEquals(a, inA.json().getString("customerNumber"));
        String erpToken = Fixtures.token(erpApp);
        assertEquals(
                401,
                Http.get("/cloud/realms/" + a + "/api/account", Http.bearer(erpToken))
                        .status());

        // "anna" of realm B is not "anna" of realm A: A's password does not open B
        Secrets.note(appB[1]);
        HttpResponse<String> wrongRealm = new Browser()
                .post("/cloud/login", Map.of("customerNumber", b, "username", "anna", "password", PASSWORD));
        assertTrue(Browser.location(wrongRealm).endsWith("/cloud/login.xhtml?error=1"));
    }

    @Test
    void aForgottenPasswordIsResetThroughTheMailedLinkOnce() throws Exception {
        String customer = CloudFixtures.customerNumber();
        CloudFixtures.registerRealm(customer, "berta", PASSWORD);
        String fresh = "Neu!Passwort2026";
        Secrets.note(fresh);
        try (SmtpSink sink = SmtpSink.start()) {
            ChromeDriver chromium = Chromium.start();
            try {
                WebDriverWait wait = waitFor(chromium);
                // an unknown user gets the same answer, and no mail
                requestReset(chromium, wait, customer, "niemand");
                assertNull(sink.poll(3), "no mail for an unknown user");
                requestReset(chromium, wait, customer, "berta");
                SmtpSink.Mail mail = sink.next(30);
                assertEquals("it@muster.example", mail.to());
                assertEquals("microtech Cloud: Passwort zurücksetzen", mail.subject());
                Matcher m = Pattern.compile("(https?://\\S+/cloud/reset\\.xhtml\\?token=([A-Za-z0-9_-]{43}))")
                        .matcher(mail.text());
                assertTrue(m.find(), mail.text());
                String link = m.group(1);
                Secrets.note(m.group(2));
                assertTrue(mail.text().contains("Kundennummer " + customer), mail.text());

                chromium.get(link);
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reset:password")));
                chromium.findElement(By.id("reset:password")).sendKeys("kurz");
                chromium.findElement(By.id("reset:passwordConfirmation")).sendKeys("kurz");
                chromium.findElement(By.id("reset:save")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(
                        By.id("reset:passwordMessages"), "mindestens 8 Zeichen"));
                chromium.findElement(By.id("reset:password")).sendKeys(fresh);
                chromium.findElement(By.id("reset:passwordConfirmation")).sendKeys(fresh);
                chromium.findElement(By.id("reset:save")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("passwordChanged")));
                loginToPortal(chromium, wait, customer, "berta", fresh);
                Chromium.assertCleanConsole(chromium, "\"Passwort vergessen?\" to the new password's login");

                HttpResponse<String> old = new Browser()
                        .post(
                                "/cloud/login",
                                Map.of("customerNumber", customer, "username", "berta", "password", PASSWORD));
                assertTrue(Browser.location(old).endsWith("/cloud/login.xhtml?error=1"), "the old password ended");
                HttpResponse<String> again = new Browser().get(link);
                assertTrue(again.body().contains("wurde bereits verwendet"), "a reset link works once");
            } finally {
                chromium.quit();
            }
        }
    }

    private static void requestReset(ChromeDriver chromium, WebDriverWait wait, String customer, String user) {
        chromium.get(ItEnv.issuer() + "/cloud/login.xhtml");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("forgot"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("forgot:customerNumber")));
        chromium.findElement(By.id("forgot:customerNumber")).sendKeys(customer);
        chromium.findElement(By.id("forgot:username")).sendKeys(user);
        chromium.findElement(By.id("forgot:send")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("resetRequested")));
    }

    /** Logs in on the cloud's login page (customer number prefilled when null) and waits for "Anwendungen". */
    static void loginToPortal(
            ChromeDriver chromium, WebDriverWait wait, String customer, String user, String password) {
        if (customer != null) {
            chromium.get(ItEnv.issuer() + "/cloud/login.xhtml");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("customerNumber")));
            chromium.findElement(By.id("customerNumber")).clear();
            chromium.findElement(By.id("customerNumber")).sendKeys(customer);
        }
        assertEquals("Anmelden – microtech Cloud", chromium.getTitle());
        chromium.findElement(By.id("username")).sendKeys(user);
        chromium.findElement(By.id("password")).sendKeys(password);
        chromium.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("applications:add")));
        assertEquals("Anwendungen – microtech Cloud", chromium.getTitle());
    }

    private static void logout(ChromeDriver chromium, WebDriverWait wait) {
        chromium.findElement(By.id("session:logout")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("customerNumber")));
    }

    /** "Hinzufügen" → name → "SPEICHERN" → the one-time dialog; returns ClientId and ClientSecret. */
    static String[] addApplication(ChromeDriver chromium, WebDriverWait wait, String name, boolean copyButtons) {
        chromium.findElement(By.id("applications:add")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("add:name")));
        chromium.findElement(By.id("add:save")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#add .ui-message-error")));
        chromium.findElement(By.id("add:name")).sendKeys(name);
        chromium.findElement(By.id("add:save")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("secret:clientSecret")));
        assertEquals(name, chromium.findElement(By.id("secret:name")).getText());
        assertTrue(chromium.findElement(By.id("secret:warning")).getText().contains("JETZT"));
        String clientId = chromium.findElement(By.id("secret:clientId")).getText();
        String secret =
                Secrets.note(chromium.findElement(By.id("secret:clientSecret")).getText());
        if (copyButtons) {
            chromium.findElement(By.id("secret:copyClientSecret")).click();
            assertEquals(secret, AdminApplicationPagesIT.clipboard(chromium), "the copy button copies the secret");
            chromium.findElement(By.id("secret:copyClientId")).click();
            assertEquals(clientId, AdminApplicationPagesIT.clipboard(chromium));
        }
        Chromium.screenshot(chromium, "cloud-application-created");
        chromium.findElement(By.id("secret:understood")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("secretDialog")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("applications:list"), clientId));
        return new String[] {clientId, secret};
    }

    private static void confirm(ChromeDriver chromium, WebDriverWait wait) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirmdialog-yes")));
        chromium.findElement(By.cssSelector(".ui-confirmdialog-yes")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".ui-confirmdialog-yes")));
    }
}
