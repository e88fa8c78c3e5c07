package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Personal data and the event log's lifetime: erasure of a user's personal data on request
 * (account gone, event log pseudonymized, refused while an application acts for the user), and
 * the retention purge (entries older than the configured 365 days go, younger ones stay).
 */
@ExtendWith(ArquillianExtension.class)
class PersonalDataIT {

    @Deployment(name = "app", order = 1, testable = false)
    static EnterpriseArchive ear() {
        return ItEnv.ear();
    }

    @Deployment(name = "event-clock-probe", order = 2, testable = false)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "event-clock-probe.war").addClass(EventClockProbe.class);
    }

    static JsonObject events(String query) {
        Http.Res r = Http.get(
                "/api/admin/events?size=100&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), Http.admin());
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    @Test
    void erasureDeletesTheAccountAndPseudonymizesTheEventLog() {
        String login = Fixtures.user(Map.of("tblAddresses", List.of("read")), List.of("user"));
        for (int i = 0; i < 2; i++) {
            assertEquals(
                    401,
                    Http.get("/api/admin/users", Http.basic(login, "Falsch-" + i))
                            .status());
        }
        JsonObject app = Fixtures.application(login, List.of("graphql"), null);
        int before = events(login).getInt("total");
        assertTrue(before >= 3, "created, two failed logins, the application: " + before);

        Http.Res refused = Http.json("POST", "/api/admin/users/" + login + "/erase", Http.admin(), "");
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.body().contains("application"), refused.body());
        assertEquals(200, Http.get("/api/admin/users/" + login, Http.admin()).status(), "nothing changed");
        assertEquals(before, events(login).getInt("total"), "nothing changed");

        assertEquals(
                204,
                Http.delete("/api/admin/applications/" + app.getInt("id"), Http.admin())
                        .status());
        Http.Res erased = Http.json("POST", "/api/admin/users/" + login + "/erase", Http.admin(), "");
        assertEquals(200, erased.status(), erased.body());
        String pseudonym = erased.json().getString("pseudonym");
        assertTrue(pseudonym.startsWith("erased-user-"), pseudonym);
        assertTrue(erased.json().getInt("eventsPseudonymized") >= before, erased.body());

        assertEquals(404, Http.get("/api/admin/users/" + login, Http.admin()).status());
        assertEquals(0, events(login).getInt("total"), "the login is nowhere in the event log");
        JsonObject renamed = events(pseudonym);
        assertTrue(renamed.getInt("total") >= before + 1, renamed.toString());
        for (JsonObject e : renamed.getJsonArray("items").getValuesAs(JsonObject.class)) {
            assertFalse(e.containsKey("remoteAddress") && !e.isNull("remoteAddress"), "no address: " + e);
            assertFalse(e.getString("message").contains("127.0.0.1"), e.toString());
        }
        assertTrue(
                renamed.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                        .anyMatch(e -> e.getString("type").equals("USER_ERASED")),
                renamed.toString());
        assertEquals(
                401,
                Http.get("/api/admin/users", Http.basic(login, Fixtures.PASSWORD + login))
                        .status(),
                "the account cannot log in");

        assertEquals(
                404,
                Http.json("POST", "/api/admin/users/" + login + "/erase", Http.admin(), "")
                        .status());
        assertEquals(
                400,
                Http.json("POST", "/api/admin/users/a%20b/erase", Http.admin(), "")
                        .status());
        String user = Fixtures.user(Map.of(), List.of("user"));
        assertEquals(
                403,
                Http.json(
                                "POST",
                                "/api/admin/users/" + login + "/erase",
                                Http.basic(user, Fixtures.PASSWORD + user),
                                "")
                        .status(),
                "admins only");
    }

    @Test
    void thePurgeDeletesEntriesOlderThanTheRetentionPeriodOnly() throws Exception {
        String old = Fixtures.user(Map.of(), List.of("user"));
        String young = Fixtures.user(Map.of(), List.of("user"));
        assertEquals(1, backdate(old, 400), "the creation of " + old);
        assertEquals(1, backdate(young, 300), "the creation of " + young);

        Http.Res purged = Http.json("POST", "/api/admin/events/purge", Http.admin(), "");
        assertEquals(200, purged.status(), purged.body());
        assertEquals(365, purged.json().getInt("retentionDays"));
        assertTrue(purged.json().getInt("deleted") >= 1, purged.body());

        assertEquals(0, events(old).getInt("total"), "older than 365 days: deleted");
        assertEquals(1, events(young).getInt("total"), "300 days old: kept");
        JsonObject purges = events("older than 365 days");
        assertTrue(
                purges.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                        .anyMatch(e -> e.getString("type").equals("EVENTS_PURGED")
                                && "admin".equals(e.getString("actor", null))),
                "the purge is in the event log: " + purges);
        assertEquals(
                403,
                Http.json("POST", "/api/admin/events/purge", Http.basic(old, Fixtures.PASSWORD + old), "")
                        .status());
    }

    private static int backdate(String marker, int days) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(ItEnv.baseUrl() + "/event-clock-probe/backdate?marker="
                                        + marker + "&days=" + days))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return Integer.parseInt(r.body().trim());
    }
}
