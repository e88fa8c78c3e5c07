package de.erpconnect.it;

import static de.erpconnect.it.AdminPagesIT.navigate;
import static de.erpconnect.it.AdminPagesIT.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.erpconnect.domain.licence.Edition;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Amazon through the vendor cloud (DESIGN §9, second part), against a local stand-in of Seller
 * Central, Login with Amazon and the SP-API ({@link AmazonStandIn}): in headless Chromium the
 * platform is created → ANMELDEN → consent on the stand-in → the JSON result page → "Authentifiziert"
 * with the marketplaces of one real SP-API call → AKTUALISIEREN → deleted, also in the cloud.
 * Negative: forged, expired and reused {@code state}, an expired code, a wrong LWA secret and its
 * rotation, a Bezeichnung taken in the cloud account, and a cloud that cannot be reached on delete.
 *
 * <p>The installation gets a customer number of its own (a product key of the test vendor key) and
 * its realm, a cloud application and active "microtech Cloud" access credentials; the licence goes
 * back to the evaluation afterwards.
 */
@ExtendWith(ArquillianExtension.class)
class CloudPlatformsIT {

    static final String PASSWORD = "Plattform!2026";
    static String customer;
    static String clientId;
    static String clientSecret;
    static String lwaSecret;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItEnv.ear();
    }

    @BeforeAll
    static void anInstallationWithItsCloudRealm() throws Exception {
        CloudFixtures.cloudReachable();
        assertEquals(
                200,
                Http.json("POST", "/api/admin/licence/test-reset", Http.admin(), "")
                        .status());
        long number = 5_000_000_000L + (long) (Math.random() * 4_000_000_000L);
        LicenceIT.activated(LicenceIT.product(Edition.ENTERPRISE, number));
        customer = Http.get("/api/admin/licence", Http.admin()).json().getString("customerNumber");
        CloudFixtures.registerRealm(customer, "plattform", PASSWORD);
        ChromeDriver chromium = Chromium.start();
        try {
            WebDriverWait wait = waitFor(chromium);
            CloudPagesIT.loginToPortal(chromium, wait, customer, "plattform", PASSWORD);
            String[] app = CloudPagesIT.addApplication(chromium, wait, "microtech büro+", false);
            clientId = app[0];
            clientSecret = app[1];
        } finally {
            chromium.quit();
        }
        AccessCredentialsIT.deactivateAll("MICROTECH_CLOUD");
        AccessCredentialsIT.create(AccessCredentialsIT.credential("MICROTECH_CLOUD", true, clientId, clientSecret));
        lwaSecret = Secrets.note(Fixtures.unique("lwa-secret-"));
        setLwaSecret(lwaSecret);
    }

    @AfterAll
    static void backToTheEvaluation() {
        AccessCredentialsIT.deactivateAll("MICROTECH_CLOUD");
        Http.json("POST", "/api/admin/licence/test-reset", Http.admin(), "");
        CloudFixtures.cloudReachable();
    }

    static void setLwaSecret(String secret) {
        Http.Res r = Http.json(
                "PUT",
                "/cloud/api/vendor/amazon/lwa-client",
                CloudFixtures.vendor(),
                Json.createObjectBuilder()
                        .add("clientId", AmazonStandIn.CLIENT_ID)
                        .add("clientSecret", secret)
                        .build()
                        .toString());
        assertEquals(200, r.status(), r.body());
        assertFalse(r.body().contains(secret), "the LWA secret is write-only");
    }

    @Test
    void createSignInConsentAuthenticatedRenewAndDeleteInTheBrowser() throws Exception {
        String name = Fixtures.unique("Amazon US ");
        try (AmazonStandIn amazon = AmazonStandIn.start(lwaSecret)) {
            ChromeDriver chromium = Chromium.start();
            try {
                WebDriverWait wait = waitFor(chromium);
                AdminPagesIT.login(chromium, wait, "admin", ItEnv.adminPassword());
                navigate(chromium, wait, "nav-platforms", "platforms:list");
                assertEquals("Plattformen – ERP Connect – Verwaltung", chromium.getTitle());
                chromium.findElement(By.id("platforms:new")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("platform:name")));
                chromium.findElement(By.id("platform:name")).sendKeys(name);
                assertTrue(
                        chromium.findElement(By.id("platform:tabs")).getText().contains("Verkaufsregion"));
                // a region of its own (North America): the other test authorizes Europe, and a
                // platform there would share that authorization and open no consent page
                Chromium.choose(chromium, wait, "platform:tabs:country", "US ");
                chromium.findElement(By.id("platform:save")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("platform:tabs:signIn")));
                assertEquals("US", platform(name).getString("country"));
                assertEquals(
                        "Nicht authentifiziert",
                        chromium.findElement(By.id("loginStatus")).getText());
                Chromium.screenshot(chromium, "admin-platform-new");

                // ANMELDEN: the consent page of "Seller Central" opens in a new tab
                consentInNewTab(chromium, wait, "ANMELDEN");
                wait.until(ExpectedConditions.textToBe(By.id("loginStatus"), "Authentifiziert"));
                assertTrue(
                        chromium.findElement(By.id("marketplaces")).getText().contains("Amazon.de (A1PA6795UKMFR9)"),
                        "Verbindung geprüft with the marketplaces of the SP-API call");
                Chromium.screenshot(chromium, "admin-platform-authenticated");
                JsonObject first = platform(name);
                assertEquals("AUTHENTICATED", first.getString("status"));
                assertEquals(AmazonStandIn.SELLING_PARTNER_ID, first.getString("sellingPartnerId"));
                assertTrue(Http.get("/api/admin/events?type=PLATFORM_AUTHENTICATED&size=5", Http.admin())
                        .body()
                        .contains(name));

                // AKTUALISIEREN: the consent again; a newer authorization
                Thread.sleep(1100);
                consentInNewTab(chromium, wait, "AKTUALISIEREN");
                wait.until(d -> !platform(name).getString("authorizedAt").equals(first.getString("authorizedAt")));
                wait.until(ExpectedConditions.textToBe(By.id("loginStatus"), "Authentifiziert"));
                assertEquals(List.of("authorization_code", "authorization_code"), amazon.tokenRequests());

                // Löschen warns first, then deletes in the cloud as well
                long cloudId = cloudId(name);
                chromium.findElements(By.cssSelector("#platforms\\:list_data tr")).stream()
                        .filter(r -> r.getText().contains(name))
                        .findFirst()
                        .orElseThrow()
                        .findElement(By.cssSelector("[id$=':delete']"))
                        .click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirmdialog-yes")));
                assertTrue(chromium.findElement(By.cssSelector(".ui-confirm-dialog-message"))
                        .getText()
                        .contains("auch in der microtech Cloud gelöscht"));
                chromium.findElement(By.cssSelector(".ui-confirmdialog-yes")).click();
                wait.until(
                        ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Plattform gelöscht."));
                assertEquals(
                        404, cloud("GET", "/cloud/api/platforms/" + cloudId).status());
            } finally {
                chromium.quit();
            }
        }
    }

    /** The page closed the consent tab: it got no consent URL (the messages say why). */
    private static final class ConsentTabClosed extends RuntimeException {
        ConsentTabClosed() {
            super("the consent tab was closed");
        }
    }

    /** Clicks ANMELDEN/AKTUALISIEREN, confirms on the stand-in in the new tab, checks the JSON page, closes it. */
    private static void consentInNewTab(ChromeDriver chromium, WebDriverWait wait, String label) {
        String main = chromium.getWindowHandle();
        assertEquals(label, chromium.findElement(By.id("platform:tabs:signIn")).getText());
        chromium.findElement(By.id("platform:tabs:signIn")).click();
        wait.until(d -> d.getWindowHandles().size() == 2);
        String consent = chromium.getWindowHandles().stream()
                .filter(h -> !h.equals(main))
                .findFirst()
                .orElseThrow();
        chromium.switchTo().window(consent);
        try {
            // the new tab opens blank and then navigates: a look-up during that navigation is
            // aborted by it, so look again; the page closes the tab when the sign-in was refused
            waitFor(chromium)
                    .ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(d -> {
                        if (!d.getWindowHandles().contains(consent)) {
                            throw new ConsentTabClosed();
                        }
                        return ExpectedConditions.elementToBeClickable(By.id("confirm"))
                                .apply(d);
                    });
        } catch (org.openqa.selenium.TimeoutException | ConsentTabClosed e) {
            String tab = "(closed by the page)";
            if (chromium.getWindowHandles().contains(consent)) {
                Chromium.screenshot(chromium, "amazon-consent-tab");
                tab = chromium.getCurrentUrl();
            }
            chromium.switchTo().window(main);
            Chromium.screenshot(chromium, "amazon-consent-main");
            throw new AssertionError(
                    "the consent tab shows " + tab + "; the page says: "
                            + chromium.findElement(By.id("messages")).getText(),
                    e);
        }
        URI url = URI.create(chromium.getCurrentUrl());
        assertTrue(
                url.toString()
                        .startsWith(AmazonStandIn.url() + "/apps/authorize/consent?application_id="
                                + AmazonStandIn.APPLICATION_ID + "&state="),
                url.toString());
        assertTrue(url.toString().endsWith("&version=beta"), url.toString());
        chromium.findElement(By.id("confirm")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
        String json = chromium.findElement(By.id("result")).getText();
        assertTrue(json.startsWith("{\"result\":{\"result\":{\"mws_auth_token\":\"amzn.mws."), json);
        assertTrue(json.contains("\"spapi_oauth_code\":\"ANd") && json.contains("\"state\":\"ey"), json);
        assertTrue(chromium.findElement(By.id("message"))
                .getText()
                .contains("Dieses Browserfenster können Sie schließen"));
        Chromium.screenshot(chromium, "cloud-amazon-callback");
        chromium.close();
        chromium.switchTo().window(main);
    }

    @Test
    void stateCodeSecretNameAndReachabilityAreCheckedLikeAmazonWould() throws Exception {
        try (AmazonStandIn amazon = AmazonStandIn.start(lwaSecret)) {
            String name = Fixtures.unique("Amazon FR ");
            long id = createPlatform(name, "FR");

            // a forged state: the callback refuses and nothing changes
            HttpResponse<String> forged = new Browser()
                    .get(
                            "/cloud/api/amazon/callback?state=eyJhbGciOiJub25lIn0.e30.&selling_partner_id=X&spapi_oauth_code=c");
            assertEquals(400, forged.statusCode());
            assertTrue(forged.body().contains("keinen gültigen Anmeldevorgang"), forged.body());

            // the right flow once: consent → code → callback; the same callback again is a reused state
            String consent = signIn(id).getString("consentUrl");
            String callback = confirmAtAmazon(consent);
            HttpResponse<String> ok = new Browser().get(callback);
            assertEquals(200, ok.statusCode(), ok.body());
            assertEquals(
                    "no-referrer", ok.headers().firstValue("Referrer-Policy").orElse(""));
            HttpResponse<String> reused = new Browser().get(callback);
            assertEquals(400, reused.statusCode());
            assertTrue(reused.body().contains("bereits verwendet"), reused.body());
            assertEquals("AUTHENTICATED", refresh(id).getString("status"));

            // "Verbindung prüfen": an access token on demand from the refresh token, then from the cache
            for (int i = 0; i < 2; i++) {
                Http.Res checked = Http.json("POST", "/api/admin/platforms/" + id + "/check", Http.admin(), "");
                assertEquals(200, checked.status(), checked.body());
                assertTrue(
                        checked.json().getString("marketplaces").contains("Amazon.fr (A13V1IB3VIYZZH)"),
                        checked.body());
            }
            assertEquals(List.of("authorization_code", "refresh_token"), amazon.tokenRequests());

            // a second platform of the same selling region shares the authorization: no consent needed
            long sharing = createPlatform(Fixtures.unique("Amazon IT "), "IT");
            JsonObject shared = signIn(sharing);
            assertFalse(shared.containsKey("consentUrl") && !shared.isNull("consentUrl"), shared.toString());
            assertEquals("AUTHENTICATED", shared.getString("status"));

            // an expired code (older than five minutes at "Amazon"): invalid_grant, in words
            String late = confirmAtAmazon(renew(id).getString("consentUrl"));
            amazon.advance(Duration.ofMinutes(6));
            HttpResponse<String> expired = new Browser().get(late);
            assertEquals(400, expired.statusCode());
            assertTrue(expired.body().contains("invalid_grant"), expired.body());
            assertTrue(expired.body().contains("älter als fünf Minuten"), expired.body());
            JsonObject afterExpired = refresh(id);
            assertTrue(afterExpired.getString("message").contains("invalid_grant"), afterExpired.toString());
            assertEquals("AUTHENTICATED", afterExpired.getString("status"), "the older authorization still holds");
            assertTrue(Http.get("/api/admin/events?type=PLATFORM_AUTHENTICATION_FAILED&size=5", Http.admin())
                    .body()
                    .contains(name));

            // an expired state (the test server accepts a state for 20 s)
            String stale = confirmAtAmazon(renew(id).getString("consentUrl"));
            Thread.sleep(21_000);
            HttpResponse<String> staleAnswer = new Browser().get(stale);
            assertEquals(400, staleAnswer.statusCode());
            assertTrue(staleAnswer.body().contains("abgelaufen"), staleAnswer.body());

            // Amazon no longer takes the cloud's LWA secret: invalid_client, until the vendor enters the new one
            String rotated = Secrets.note(Fixtures.unique("lwa-rotated-"));
            amazon.rotateSecret(rotated);
            HttpResponse<String> badClient =
                    new Browser().get(confirmAtAmazon(renew(id).getString("consentUrl")));
            assertEquals(400, badClient.statusCode());
            assertTrue(badClient.body().contains("invalid_client"), badClient.body());
            assertTrue(badClient.body().contains("180 Tage"), badClient.body());
            setLwaSecret(rotated);
            lwaSecret = rotated;
            JsonObject lwa = Http.get("/cloud/api/vendor/amazon/lwa-client", CloudFixtures.vendor())
                    .json();
            assertEquals(AmazonStandIn.CLIENT_ID, lwa.getString("clientId"));
            assertFalse(lwa.containsKey("clientSecret"));
            assertTrue(lwa.getString("rotateBy").compareTo(lwa.getString("setAt")) > 0);
            assertEquals(
                    200,
                    new Browser()
                            .get(confirmAtAmazon(renew(id).getString("consentUrl")))
                            .statusCode());
            JsonObject renewed = refresh(id);
            assertEquals("AUTHENTICATED", renewed.getString("status"));
            assertTrue(!renewed.containsKey("message") || renewed.isNull("message"), renewed.toString());

            // the Bezeichnung is unique within the cloud account
            String taken = Fixtures.unique("Schon vergeben ");
            Http.Res direct = cloud("POST", "/cloud/api/platforms", "{\"name\":\"" + taken + "\",\"country\":\"DE\"}");
            assertEquals(201, direct.status(), direct.body());
            long clash = createPlatform(taken, "DE");
            Http.Res refused = Http.json("POST", "/api/admin/platforms/" + clash + "/sign-in", Http.admin(), "");
            assertEquals(409, refused.status(), refused.body());
            assertTrue(refused.json().getString("detail").contains("already has a platform named"), refused.body());
            assertEquals(
                    409,
                    Http.json(
                                    "POST",
                                    "/api/admin/platforms",
                                    Http.admin(),
                                    "{\"name\":\"" + name + "\",\"country\":\"DE\"}")
                            .status(),
                    "and within the installation");

            // a cloud that cannot be reached: the deletion is not half-done
            long cloudId = cloudId(name);
            CloudFixtures.cloudUnreachable();
            try {
                Http.Res unreachable = Http.delete("/api/admin/platforms/" + id, Http.admin());
                assertEquals(503, unreachable.status(), unreachable.body());
                assertTrue(unreachable.json().getString("detail").contains("cannot be reached"), unreachable.body());
            } finally {
                CloudFixtures.cloudReachable();
            }
            assertEquals(
                    200, Http.get("/api/admin/platforms/" + id, Http.admin()).status());
            assertEquals(200, cloud("GET", "/cloud/api/platforms/" + cloudId).status());
            assertEquals(
                    204, Http.delete("/api/admin/platforms/" + id, Http.admin()).status());
            assertEquals(404, cloud("GET", "/cloud/api/platforms/" + cloudId).status());
        }
    }

    /** Twenty creations of one Bezeichnung at once: one platform, nineteen sequential-style 409s. */
    @Test
    void aRaceForOneBezeichnungIsOnePlatformAndConflicts() throws Exception {
        String name = Fixtures.unique("Amazon Race ");
        String body = "{\"name\":\"" + name + "\",\"country\":\"DE\",\"useCloud\":true,\"active\":true}";
        long id = Races.oneCreatedOthersConflict(
                        20, () -> Http.json("POST", "/api/admin/platforms", Http.admin(), body))
                .json()
                .getInt("id");
        assertEquals(
                204, Http.delete("/api/admin/platforms/" + id, Http.admin()).status());
    }

    @Test
    void badInputAndNonAdminsAreRefused() {
        Http.Res unknownRegion =
                Http.json("POST", "/api/admin/platforms", Http.admin(), "{\"name\":\"X\",\"country\":\"XX\"}");
        assertEquals(400, unknownRegion.status(), unknownRegion.body());
        assertEquals(
                400,
                Http.json("POST", "/api/admin/platforms", Http.admin(), "{\"country\":\"DE\"}")
                        .status());
        assertEquals(
                400,
                Http.json(
                                "POST",
                                "/api/admin/platforms",
                                Http.admin(),
                                "{\"name\":\"X\",\"type\":\"EBAY\",\"country\":\"DE\"}")
                        .status());
        assertEquals(404, Http.get("/api/admin/platforms/999999", Http.admin()).status());
        String user = Fixtures.graphqlUser();
        assertEquals(
                403,
                Http.get("/api/admin/platforms", Http.basic(user, Fixtures.PASSWORD + user))
                        .status());
        JsonObject regions =
                Http.get("/api/admin/platforms/regions", Http.admin()).json();
        assertTrue(regions.getInt("total") >= 21, regions.toString());
        assertEquals(401, Http.json("POST", "/cloud/api/platforms", null, "{}").status());
        assertEquals(
                401,
                Http.json(
                                "POST",
                                "/cloud/api/platforms",
                                Http.bearer(Fixtures.token(
                                        Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), null))),
                                "{}")
                        .status(),
                "an ERP token is nobody in the cloud");
        assertEquals(
                401,
                Http.json("PUT", "/cloud/api/vendor/amazon/lwa-client", Http.admin(), "{}")
                        .status());
    }

    // ---------------------------------------------------------------------------------------------

    private static long createPlatform(String name, String country) {
        Http.Res r = Http.json(
                "POST",
                "/api/admin/platforms",
                Http.admin(),
                "{\"name\":\"" + name + "\",\"country\":\"" + country + "\",\"useCloud\":true,\"active\":true}");
        assertEquals(201, r.status(), r.body());
        assertEquals("NOT_AUTHENTICATED", r.json().getString("status"));
        return r.json().getInt("id");
    }

    private static JsonObject signIn(long id) {
        Http.Res r = Http.json("POST", "/api/admin/platforms/" + id + "/sign-in", Http.admin(), "");
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static JsonObject renew(long id) {
        Http.Res r = Http.json("POST", "/api/admin/platforms/" + id + "/consent", Http.admin(), "");
        assertEquals(200, r.status(), r.body());
        assertEquals("PENDING", r.json().getString("status"));
        return r.json();
    }

    private static JsonObject refresh(long id) {
        Http.Res r = Http.json("POST", "/api/admin/platforms/" + id + "/refresh", Http.admin(), "");
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static JsonObject platform(String name) {
        return Http.get("/api/admin/platforms?size=200", Http.admin())
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(p -> p.getString("name").equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** The platform's id in the cloud, read with the installation's realm token. */
    private static long cloudId(String name) {
        Http.Res list = cloud("GET", "/cloud/api/platforms");
        assertEquals(200, list.status(), list.body());
        return list.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("name").equals(name))
                .findFirst()
                .orElseThrow()
                .getInt("id");
    }

    private static Http.Res cloud(String method, String path) {
        return cloud(method, path, null);
    }

    private static Http.Res cloud(String method, String path, String body) {
        Http.Res token = CloudFixtures.realmToken(customer, clientId, clientSecret);
        assertEquals(200, token.status(), token.body());
        String bearer = Http.bearer(Secrets.note(token.json().getString("access_token")));
        return body == null
                ? (method.equals("GET") ? Http.get(path, bearer) : Http.delete(path, bearer))
                : Http.json(method, path, bearer, body);
    }

    /** The seller at "Seller Central": opens the consent URL, confirms; the callback URL Amazon redirects to. */
    private static String confirmAtAmazon(String consentUrl) {
        Browser seller = new Browser();
        HttpResponse<String> page = seller.get(consentUrl);
        assertEquals(200, page.statusCode(), page.body());
        Matcher state = Pattern.compile("name=\"state\" value=\"([^\"]+)\"").matcher(page.body());
        assertTrue(state.find());
        HttpResponse<String> confirmed =
                seller.post(AmazonStandIn.url() + "/apps/authorize/confirm", Map.of("state", state.group(1)));
        assertEquals(302, confirmed.statusCode());
        String location = Browser.location(confirmed);
        assertTrue(location.startsWith(ItEnv.issuer() + "/cloud/api/amazon/callback?state="), location);
        List<String> names = new ArrayList<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            names.add(pair.substring(0, pair.indexOf('=')));
        }
        assertEquals(List.of("state", "selling_partner_id", "mws_auth_token", "spapi_oauth_code"), names);
        assertNotEquals(-1, location.indexOf("spapi_oauth_code=ANd"));
        return location;
    }
}
