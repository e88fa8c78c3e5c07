package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.Map;

/** The vendor cloud's test data (DESIGN §9): customer numbers, invitations, registrations, realm tokens. */
final class CloudFixtures {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static TcpProxy cloudProxy;
    private static boolean cloudCut;

    private CloudFixtures() {}

    /** HTTP Basic of the vendor realm's first user, whose password the server generated into the data directory. */
    static String vendor() {
        try {
            String password = Files.readString(
                            ItEnv.dataDir().resolve("initial-vendor-password.txt"), StandardCharsets.UTF_8)
                    .strip();
            return Http.basic("vendor", password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The main server's ERP side reaches its own cloud role through a proxy this test JVM owns
     * ({@code ERPCONNECT_CLOUD_URL} points at it), so that a test can make the cloud unreachable.
     */
    static synchronized void cloudReachable() {
        try {
            if (cloudProxy == null) {
                cloudProxy =
                        TcpProxy.start(Integer.getInteger("it.port.cloudproxy"), Integer.getInteger("it.port.http"));
            } else if (cloudCut) {
                cloudProxy.restore();
            }
            cloudCut = false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized void cloudUnreachable() {
        cloudReachable();
        cloudProxy.cut();
        cloudCut = true;
    }

    /** A customer number no other test uses (13 digits, as in the seed). */
    static String customerNumber() {
        return "9" + String.format("%012d", RANDOM.nextLong(1_000_000_000_000L));
    }

    static Http.Res inviteRequest(String customerNumber, String company, String email) {
        return Http.json(
                "POST",
                "/cloud/api/vendor/invitations",
                vendor(),
                Json.createObjectBuilder()
                        .add("customerNumber", customerNumber)
                        .add("companyName", company)
                        .add("email", email)
                        .build()
                        .toString());
    }

    /** A registration link for a customer; its token is noted as a secret. */
    static String invite(String customerNumber) {
        Http.Res r = inviteRequest(customerNumber, "Musterfirma " + customerNumber + " GmbH", "it@muster.example");
        assertEquals(201, r.status(), r.body());
        JsonObject invitation = r.json();
        String link = invitation.getString("link");
        assertTrue(link.startsWith(ItEnv.baseUrl() + "/cloud/register.xhtml?token="), link);
        Secrets.note(link.substring(link.indexOf("token=") + 6));
        return link;
    }

    /** Fills the registration form behind {@code link} over plain HTTP; the answer to the submit. */
    static HttpResponse<String> register(
            Browser browser, String link, String username, String password, String confirmation) {
        HttpResponse<String> page = browser.get(link);
        assertEquals(200, page.statusCode(), page.body());
        return browser.submit(
                page,
                "registration",
                "register",
                Map.of(
                        "registration:firstName", "Markus",
                        "registration:lastName", "Muster",
                        "registration:username", username,
                        "registration:password", password,
                        "registration:passwordConfirmation", confirmation));
    }

    /** A registered realm: invitation and registration; the first user's password is noted. */
    static void registerRealm(String customerNumber, String username, String password) {
        Secrets.note(password);
        HttpResponse<String> done = register(new Browser(), invite(customerNumber), username, password, password);
        assertEquals(302, done.statusCode(), done.body());
        assertTrue(
                Browser.location(done).contains("/cloud/login.xhtml?registered=1&customer=" + customerNumber),
                Browser.location(done));
    }

    /** The token endpoint of a realm. */
    static String tokenPath(String customerNumber) {
        return "/cloud/realms/" + customerNumber + "/oauth2/token";
    }

    static Http.Res realmToken(String customerNumber, String clientId, String secret) {
        return Http.bytes(
                "POST",
                tokenPath(customerNumber),
                Http.basic(clientId, secret),
                "application/x-www-form-urlencoded",
                "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8));
    }
}
