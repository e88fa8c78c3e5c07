package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.erpconnect.domain.licence.Edition;
import java.net.http.HttpResponse;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin pages (DESIGN §10) in a real headless Chromium: FORM login, the layout, the
 * "Benutzer verwalten" page with the live flag coupling, the "Lizenz / Aktivierungen" page with the exact rejection message of a key, the
 * "Automatisierungsdienste" page starting and stopping the GraphQL-Server through the same
 * service as the REST API, and the "Ereignisprotokoll" showing the endpoint URL that starting
 * wrote; over HTTP: 403 for non-admins and the security headers.
 * Screenshots of every page go to target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
class AdminPagesIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItEnv.ear();
    }

    @AfterEach
    void leaveTheServerRunning() {
        Http.json("POST", "/api/admin/services/graphql-server/start", Http.admin(), "");
        Http.json("PUT", "/api/admin/services/graphql-server", Http.admin(), "{\"interactive\":false}");
    }

    /** Waits up to 30 s; ajax updates replace elements while a condition looks at them. */
    static WebDriverWait waitFor(ChromeDriver chromium) {
        WebDriverWait wait = new WebDriverWait(chromium, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Follows a link of the admin navigation and waits for an element of the page. */
    static void navigate(ChromeDriver chromium, WebDriverWait wait, String navId, String readyId) {
        chromium.findElement(By.id(navId)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(readyId)));
    }

    static void login(ChromeDriver chromium, WebDriverWait wait, String user, String password) {
        chromium.get(ItEnv.issuer() + "/admin/"); // the welcome page of /admin
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("j_username")));
        chromium.findElement(By.id("j_username")).sendKeys(user);
        chromium.findElement(By.id("j_password")).sendKeys(password);
        chromium.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-services")));
    }

    @Test
    void theServicePageStopsAndStartsTheGraphqlServerAndTheEventLogShowsItsUrl() {
        ChromeDriver chromium = Chromium.start();
        try {
            WebDriverWait wait = waitFor(chromium);
            login(chromium, wait, "admin", ItEnv.adminPassword());
            assertEquals("Übersicht – ERP Connect – Verwaltung", chromium.getTitle());
            assertTrue(chromium.findElement(By.id("loggedInUser")).getText().contains("admin"));
            Chromium.screenshot(chromium, "admin-overview");

            navigate(chromium, wait, "nav-services", "graphql:state");
            assertEquals("Automatisierungsdienste – ERP Connect – Verwaltung", chromium.getTitle());
            String endpoint = ItEnv.issuer() + "/graphql";
            assertEquals(
                    endpoint, chromium.findElement(By.id("graphql:endpoint")).getText());
            assertEquals(
                    "Gestartet", chromium.findElement(By.id("graphql:state")).getText());

            chromium.findElement(By.id("graphql:stop")).click();
            wait.until(ExpectedConditions.textToBe(By.id("graphql:state"), "Gestoppt"));
            assertTrue(messages(chromium).contains("Der GraphQL-Server wurde gestoppt."), messages(chromium));
            assertFalse(
                    Http.get("/api/admin/services/graphql-server", Http.admin())
                            .json()
                            .getBoolean("running"),
                    "stopped for real");

            chromium.findElement(By.id("graphql:start")).click();
            wait.until(ExpectedConditions.textToBe(By.id("graphql:state"), "Gestartet"));
            assertTrue(messages(chromium).contains("Der GraphQL-Server wurde gestartet."), messages(chromium));
            assertTrue(Http.get("/api/admin/services/graphql-server", Http.admin())
                    .json()
                    .getBoolean("running"));

            // the interactive web UI (the test server runs the Enterprise evaluation)
            chromium.findElement(By.cssSelector("#graphql\\:interactive .ui-chkbox-box"))
                    .click();
            chromium.findElement(By.id("graphql:save")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("graphql:graphiql")));
            assertEquals(
                    ItEnv.issuer() + "/graphiql",
                    chromium.findElement(By.id("graphql:graphiql")).getAttribute("href"));
            Chromium.screenshot(chromium, "admin-services");

            navigate(chromium, wait, "nav-events", "events:list");
            assertEquals("Ereignisprotokoll – ERP Connect – Verwaltung", chromium.getTitle());
            chromium.findElement(By.id("events:q")).sendKeys("Endpunkt " + endpoint);
            chromium.findElement(By.id("events:filter")).click();
            wait.until(d -> rows(chromium).stream().allMatch(r -> r.getText().contains("Endpunkt " + endpoint)));
            List<WebElement> rows = rows(chromium);
            assertTrue(
                    rows.stream()
                            .anyMatch(r -> r.getText()
                                    .contains(
                                            "Automatisierungsaufgabe aktiviert: GraphQL-Server, Endpunkt " + endpoint)),
                    rows.get(0).getText());
            assertTrue(rows.stream().anyMatch(r -> r.getText().contains("AUTOMATION_STOPPED")));
            Chromium.screenshot(chromium, "admin-events");

            chromium.findElement(By.id("session:logout")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("j_username")));
            chromium.get(ItEnv.issuer() + "/admin/services/index.xhtml");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("j_username")));
            assertFalse(chromium.getPageSource().contains("graphql:state"), "logged out");
        } finally {
            chromium.quit();
        }
    }

    @Test
    void theLicencePageShowsTheExactRejectionAndActivatesKeys() throws Exception {
        assertEquals(
                200,
                Http.json("POST", "/api/admin/licence/test-reset", Http.admin(), "")
                        .status());
        ChromeDriver chromium = Chromium.start();
        try {
            WebDriverWait wait = waitFor(chromium);
            login(chromium, wait, "admin", ItEnv.adminPassword());
            navigate(chromium, wait, "nav-licence", "licence:edition");
            assertEquals("Lizenz / Aktivierungen – ERP Connect – Verwaltung", chromium.getTitle());
            assertEquals(
                    "ENTERPRISE", chromium.findElement(By.id("licence:edition")).getText());

            chromium.findElement(By.id("licence:add")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("add:key")));
            assertTrue(chromium.findElement(By.id("addDialog"))
                    .getText()
                    .contains("Aktivierungsschlüssel manuell erfassen"));
            chromium.findElement(By.id("add:key")).sendKeys("ABCDE");
            chromium.findElement(By.id("add:next")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("add:keyMessage"), "Schlüssel ungültig — bitte auf Tippfehler prüfen"));
            Chromium.screenshot(chromium, "admin-licence-rejected");
            assertEquals(
                    0,
                    Http.get("/api/admin/activations", Http.admin()).json().getInt("total"),
                    "a rejected key stores nothing");

            WebElement key = chromium.findElement(By.id("add:key"));
            key.clear();
            key.sendKeys(LicenceIT.product(Edition.ENTERPRISE, LicenceIT.CUSTOMER));
            chromium.findElement(By.id("add:next")).click();
            wait.until(ExpectedConditions.textToBe(By.id("licence:customer"), LicenceIT.CUSTOMER_TEXT));
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("addDialog")));

            chromium.findElement(By.id("licence:add")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("add:key")));
            key = chromium.findElement(By.id("add:key"));
            key.clear();
            key.sendKeys(LicenceIT.partnerApp(1, LicenceIT.CUSTOMER, 7120, LicenceIT.TODAY.plusDays(90)));
            chromium.findElement(By.id("add:next")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("licence:activations"), "ConnectELO"));
            assertTrue(messages(chromium).contains("Aktiviert: "), messages(chromium));
            Chromium.screenshot(chromium, "admin-licence");

            chromium.findElement(By.cssSelector("[id$=':deactivate']")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirmdialog-yes")));
            chromium.findElement(By.cssSelector(".ui-confirmdialog-yes")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("messages"), "Die Aktivierung wurde beendet."));
            assertTrue(
                    chromium.findElement(By.id("licence:activations")).getText().contains("Deaktiviert"));
        } finally {
            chromium.quit();
            Http.json("POST", "/api/admin/licence/test-reset", Http.admin(), "");
        }
    }

    @Test
    void theUserPageCreatesAUserAndGraphqlAccessTicksAlwaysLoginAtOnce() {
        String login = Fixtures.unique("seite");
        ChromeDriver chromium = Chromium.start();
        try {
            WebDriverWait wait = waitFor(chromium);
            login(chromium, wait, "admin", ItEnv.adminPassword());
            navigate(chromium, wait, "nav-users", "users:list");
            assertEquals("Benutzer verwalten – ERP Connect – Verwaltung", chromium.getTitle());

            chromium.findElement(By.id("users:new")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user:login")));
            chromium.findElement(By.id("user:login")).sendKeys(login);
            chromium.findElement(By.id("user:displayName")).sendKeys("Seiten Test");
            chromium.findElement(By.id("user:password")).sendKeys("kurz");
            chromium.findElement(By.id("user:save")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("user:passwordMessages"), "mindestens 8 Zeichen"));
            String rules = chromium.findElement(By.id("user:passwordMessages")).getText();
            assertTrue(rules.contains("Großbuchstaben") && rules.contains("Sonderzeichen"), rules);
            assertEquals(
                    404, Http.get("/api/admin/users/" + login, Http.admin()).status(), "nothing stored");

            WebElement password = chromium.findElement(By.id("user:password"));
            password.clear();
            password.sendKeys(Secrets.note(Fixtures.PASSWORD + login));
            By always = By.cssSelector("#user\\:alwaysLogin .ui-chkbox-box");
            assertFalse(chromium.findElement(always).getAttribute("class").contains("ui-state-active"));
            chromium.findElement(By.cssSelector("#user\\:graphqlAccess .ui-chkbox-box"))
                    .click();
            wait.until(d -> d.findElement(always).getAttribute("class").contains("ui-state-active"));
            assertTrue(chromium.findElement(always).getAttribute("class").contains("ui-state-disabled"));
            chromium.findElement(By.cssSelector("input[title='tblAddresses read']"))
                    .click();
            Chromium.screenshot(chromium, "admin-user-dialog");
            chromium.findElement(By.id("user:save")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("messages"), "Benutzer " + login + " angelegt."));
            assertTrue(
                    chromium.findElement(By.id("loggedInUser")).getText().contains("admin"),
                    "the form's updates leave the layout alone (no element ids shared with it)");

            jakarta.json.JsonObject saved =
                    Http.get("/api/admin/users/" + login, Http.admin()).json();
            assertTrue(saved.getBoolean("graphqlAccess") && saved.getBoolean("alwaysLogin"), saved.toString());
            assertEquals(
                    "[\"read\"]",
                    saved.getJsonObject("permissions").get("tblAddresses").toString());

            chromium.findElement(By.id("users:q")).sendKeys(login);
            chromium.findElement(By.id("users:search")).click();
            wait.until(d -> !d.findElement(By.id("users:list")).getText().contains("Administrator"));
            assertTrue(chromium.findElement(By.id("users:list")).getText().contains("Seiten Test"));
            Chromium.screenshot(chromium, "admin-users");
        } finally {
            chromium.quit();
        }
    }

    @Test
    void pagesAreForAdminsOnlyAndCarryTheSecurityHeaders() {
        String user = Fixtures.user(Map.of(), List.of("user"), List.of(), true);
        Browser browser = new Browser();
        browser.get("/admin/events/index.xhtml");
        browser.login(user, Fixtures.PASSWORD + user);
        assertEquals(403, browser.get("/admin/events/index.xhtml").statusCode(), "not an admin");

        Browser admin = new Browser();
        admin.get("/admin/services/index.xhtml");
        admin.login("admin", ItEnv.adminPassword());
        HttpResponse<String> page = admin.get("/admin/services/index.xhtml");
        assertEquals(200, page.statusCode());
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("'nonce-"), csp);
        assertFalse(csp.contains("unsafe-eval"), csp);
        assertEquals(
                1, page.headers().allValues("Content-Security-Policy").size(), "one policy, not two that conflict");
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
        assertEquals(
                "nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertTrue(page.body().contains("Automatisierungsdienste"));
        assertTrue(page.body().contains("jakarta.faces.ViewState"), "forms carry the Faces view state (CSRF)");
    }

    private static String messages(ChromeDriver chromium) {
        return chromium.findElement(By.id("messages")).getText();
    }

    private static List<WebElement> rows(ChromeDriver chromium) {
        return chromium.findElements(By.cssSelector("#events\\:list_data tr"));
    }
}
