package de.erpconnect.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the page tests: Debian's headless Chromium driven through its ChromeDriver
 * (both installed by tools/test.sh; other locations through -Dbrowser.binary and
 * -Dbrowser.driver). Selenium Manager is never asked, so nothing is downloaded. A missing browser
 * fails the test; it never skips it.
 */
final class Chromium {

    private Chromium() {}

    static ChromeDriver start() {
        return start("de-DE,de");
    }

    /**
     * A browser whose user prefers {@code languages} (its Accept-Language), with {@code extraArgs}
     * for Chromium (e.g. a partner app's host mapped to a local receiver). Its console is recorded
     * ({@link #consoleProblems}).
     */
    static ChromeDriver start(String languages, String... extraArgs) {
        File binary = new File(System.getProperty("browser.binary", "/usr/bin/chromium"));
        File driver = new File(System.getProperty("browser.driver", "/usr/bin/chromedriver"));
        if (!binary.canExecute() || !driver.canExecute()) {
            throw new AssertionError("The browser tests need Chromium and ChromeDriver (" + binary + ", " + driver
                    + "); tools/test.sh installs Debian's chromium and chromium-driver.");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("erpconnect-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(binary)
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=1400,1000",
                        "--lang=" + languages.split(",")[0],
                        "--user-data-dir=" + profile);
        options.addArguments(extraArgs);
        // the browser asks for its user's languages as that user's would
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", languages));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver)
                .usingAnyFreePort()
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return browser;
    }

    /**
     * What the browser's console reported as errors since the last call: Content-Security-Policy
     * violations (a blocked script, style or form submission, "Refused to …" / "violates the
     * following Content Security Policy directive"), JavaScript errors and resources that failed to
     * load (but for the page itself, whose status the test checks).
     */
    static List<String> consoleProblems(ChromeDriver browser) {
        // the status of the page itself (an error page's 400) is what the test looks at, not a problem
        String page = browser.getCurrentUrl() + " - Failed to load resource";
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()
                        || e.getMessage().contains("Content Security Policy"))
                .map(LogEntry::getMessage)
                .filter(m -> !m.startsWith(page))
                .toList();
    }

    /** Fails when the console reported a CSP violation or a script error since the last look. */
    static void assertCleanConsole(ChromeDriver browser, String where) {
        List<String> problems = consoleProblems(browser);
        if (!problems.isEmpty()) {
            throw new AssertionError("the browser console reported on " + where + ": " + problems);
        }
    }

    /** Keeps what the page looked like in target/screenshots, for the person reading a test run. */
    static void screenshot(ChromeDriver browser, String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Chooses the item with {@code label} (its start) in a PrimeFaces selectOneMenu the way a user
     * does, and waits until the menu shows it. The click waits for the panel to have opened
     * completely: at its end the panel scrolls its list to the current item, and a click aimed
     * before that scroll lands on a neighbour (a stray "NL" instead of "US").
     */
    static void choose(ChromeDriver browser, WebDriverWait wait, String menuId, String label) {
        browser.findElement(By.id(menuId)).click();
        // the menu's keyboard target (its label; an editable menu's input) says so when opened
        wait.until(ExpectedConditions.or(
                ExpectedConditions.attributeToBe(By.id(menuId + "_label"), "aria-expanded", "true"),
                ExpectedConditions.attributeToBe(By.id(menuId + "_focus"), "aria-expanded", "true")));
        String items = "#" + menuId.replace(":", "\\:") + "_items li[data-label^='" + label + "']";
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(items)))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(menuId + "_label"), label));
    }

    /** Lets the page's copy buttons write and the test read the clipboard. */
    static void allowClipboard(ChromeDriver chromium) {
        chromium.executeCdpCommand(
                "Browser.grantPermissions",
                Map.of(
                        "origin",
                        ItEnv.issuer(),
                        "permissions",
                        java.util.List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }
}
