package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The guard against the next CSP regression, in Chromium: every admin page, the start page and
 * every page of the vendor cloud load with no Content-Security-Policy violation and no JavaScript
 * error in the browser's console. Nobody meets a bare 404 at the door ({@code /}, {@code /admin},
 * {@code /cloud}), a missing page is a page in the product's style, and a page whose form can no
 * longer be processed (its session ended, its script nonce or view state tampered with) leads to the
 * login or is shown afresh — never to an error page.
 */
@ExtendWith(ArquillianExtension.class)
class PageGuardIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItEnv.ear();
    }

    static WebDriverWait waitFor(ChromeDriver chromium) {
        WebDriverWait wait = new WebDriverWait(chromium, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Each admin page and an element that shows it has loaded. */
    static final Map<String, String> ADMIN_PAGES = new LinkedHashMap<>();

    static {
        ADMIN_PAGES.put("/admin/", "nav-services");
        ADMIN_PAGES.put("/admin/licence/index.xhtml", "licence:edition");
        ADMIN_PAGES.put("/admin/users/index.xhtml", "users:list");
        ADMIN_PAGES.put("/admin/applications/index.xhtml", "applications:list");
        ADMIN_PAGES.put("/admin/grants/index.xhtml", "grants:list");
        ADMIN_PAGES.put("/admin/credentials/index.xhtml", "credentials:list");
        ADMIN_PAGES.put("/admin/platforms/index.xhtml", "platforms:list");
        ADMIN_PAGES.put("/admin/services/index.xhtml", "graphql:state");
        ADMIN_PAGES.put("/admin/events/index.xhtml", "events:list");
        ADMIN_PAGES.put("/auth/consents.xhtml", "consents-title");
    }

    @Test
    void theStartPageLeadsEverywhereAndEveryAdminPageLoadsCleanly() {
        ChromeDriver chromium = Chromium.start();
        try {
            WebDriverWait wait = waitFor(chromium);
            chromium.get(ItEnv.issuer() + "/");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("links")));
            assertEquals("ERP Connect", chromium.getTitle());
            for (String link : List.of("admin", "consents", "cloud", "discovery")) {
                assertTrue(chromium.findElement(By.id(link)).isDisplayed(), link);
            }
            Chromium.assertCleanConsole(chromium, "the start page");
            Chromium.screenshot(chromium, "start-page");

            chromium.findElement(By.id("admin")).click();
            AdminPagesIT.login(chromium, wait, "admin", ItEnv.adminPassword());
            Chromium.assertCleanConsole(chromium, "the login to the admin pages");
            for (Map.Entry<String, String> page : ADMIN_PAGES.entrySet()) {
                chromium.get(ItEnv.issuer() + page.getKey());
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id(page.getValue())));
                assertFalse(chromium.getTitle().contains("Fehler"), page.getKey());
                Chromium.assertCleanConsole(chromium, page.getKey());
            }
            chromium.get(ItEnv.issuer() + "/admin");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-services")));
            assertEquals("Übersicht – ERP Connect – Verwaltung", chromium.getTitle());
            Chromium.assertCleanConsole(chromium, "/admin");

            chromium.get(ItEnv.issuer() + "/gibt-es-nicht");
            wait.until(ExpectedConditions.titleIs("Seite nicht gefunden – ERP Connect"));
            assertTrue(chromium.findElement(By.id("home")).isDisplayed(), "a way back to the start page");
        } finally {
            chromium.quit();
        }
    }

    @Test
    void everyPageOfTheVendorCloudLoadsCleanly() {
        String customer = CloudFixtures.customerNumber();
        String password = "Kunde!Passwort2026";
        CloudFixtures.registerRealm(customer, "carla", Secrets.note(password));
        ChromeDriver chromium = Chromium.start();
        try {
            WebDriverWait wait = waitFor(chromium);
            chromium.get(ItEnv.issuer() + "/cloud");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("customerNumber")));
            assertEquals("Anmelden – microtech Cloud", chromium.getTitle());
            Chromium.assertCleanConsole(chromium, "/cloud");
            for (String page : List.of(
                    "/cloud/forgot.xhtml", "/cloud/register.xhtml?token=unbekannt", "/cloud/reset.xhtml?token=alt")) {
                chromium.get(ItEnv.issuer() + page);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("content")));
                Chromium.assertCleanConsole(chromium, page);
            }
            CloudPagesIT.loginToPortal(chromium, wait, customer, "carla", password);
            Chromium.assertCleanConsole(chromium, "the cloud portal");
        } finally {
            chromium.quit();
        }
    }

    /** After {@code action}, the events page is loaded again (not an error page) and the console is clean. */
    private static void assertShownAfresh(ChromeDriver chromium, WebDriverWait wait, String what, Runnable action) {
        WebElement before = chromium.findElement(By.id("events:filter"));
        action.run();
        wait.until(d -> gone(before));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("events:filter")));
        assertEquals("Ereignisprotokoll – ERP Connect – Verwaltung", chromium.getTitle(), what);
        Chromium.assertCleanConsole(chromium, "the events page after " + what);
    }

    /** Whether the element left the document (a new page replaced it); also while the page is changing. */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException | NoSuchElementException e) {
            return true;
        } catch (WebDriverException e) {
            // the old document is being replaced at this very moment
            return String.valueOf(e.getMessage()).contains("does not belong to the document");
        }
    }

    /**
     * A page open in the browser while its session ends: its next AJAX action leads to the login
     * (a partial-response redirect the page's script follows), and after the login back to the page.
     * A tampered script nonce or view state shows the page afresh instead of an error.
     */
    @Test
    void aStaleAdminPageLeadsToTheLoginOrIsShownAfresh() {
        ChromeDriver chromium = Chromium.start();
        try {
            WebDriverWait wait = waitFor(chromium);
            AdminPagesIT.login(chromium, wait, "admin", ItEnv.adminPassword());
            chromium.get(ItEnv.issuer() + "/admin/events/index.xhtml");
            wait.until(ExpectedConditions.elementToBeClickable(By.id("events:filter")));

            // a form sent with a script nonce that is not the page's (a tampered field): the page afresh
            assertShownAfresh(
                    chromium,
                    wait,
                    "a tampered nonce",
                    () -> chromium.executeScript("document.querySelectorAll('input[name=\"primefaces.nonce\"]')"
                            + ".forEach(i => i.value = 'x'); document.getElementById('events').submit();"));
            // an AJAX action with a view state the server does not know: the page afresh
            assertShownAfresh(chromium, wait, "a tampered view state", () -> {
                chromium.executeScript("document.querySelectorAll('input[name=\"jakarta.faces.ViewState\"]')"
                        + ".forEach(i => i.value = 'x');");
                chromium.findElement(By.id("events:filter")).click();
            });

            chromium.manage().deleteAllCookies();
            chromium.findElement(By.id("events:filter")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("j_username")));
            assertEquals("Anmelden – ERP Connect", chromium.getTitle());
            Chromium.assertCleanConsole(chromium, "the way from a stale page to the login");
            chromium.findElement(By.id("j_username")).sendKeys("admin");
            chromium.findElement(By.id("j_password")).sendKeys(ItEnv.adminPassword());
            chromium.findElement(By.cssSelector("button[type=submit]")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("events:filter")));
            assertEquals("Ereignisprotokoll – ERP Connect – Verwaltung", chromium.getTitle());
        } finally {
            chromium.quit();
        }
    }
}
