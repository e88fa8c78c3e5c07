package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * The operations server of the restart stage: PostgreSQL reached through a TCP proxy this test
 * owns (the shared PostgreSQL is never stopped), logs in JSON. Readiness follows the database —
 * DOWN while the proxy is cut, UP again once it is restored — while liveness stays UP, and every
 * line of the server log is one JSON object.
 */
class OperationsRestartIT extends ManagedServers {

    static final String CONTAINER = "wildfly-ops";
    static final String DEPLOYMENT = "erpconnect-ops";
    static final String SCHEMA = "erpconnect_ops";
    /** The application's readiness check (DatabaseReadiness). */
    static final String DATABASE_CHECK = "erpconnect-database";

    private static final HttpClient HEALTH = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    @TargetsContainer(CONTAINER)
    static EnterpriseArchive ear() {
        return ItEnv.ear();
    }

    @Test
    void readinessFollowsTheDatabaseAndTheLogIsJson() throws Exception {
        ItDatabase.freshPostgresqlSchema(SCHEMA);
        int proxyPort = Integer.parseInt(System.getProperty("it.port.dbproxy"));
        try (TcpProxy proxy = TcpProxy.start(proxyPort, 5432)) {
            controller.start(CONTAINER);
            try {
                deployer.deploy(DEPLOYMENT);
                try {
                    Health ready = health("ready");
                    assertEquals(200, ready.status(), ready.body());
                    assertEquals("UP", ready.check(DATABASE_CHECK), ready.body());
                    assertEquals(200, health("live").status());
                    assertEquals(200, adminCall(), "the admin API answers through the proxy");

                    proxy.cut();
                    long cutAt = System.nanoTime();
                    Health down = awaitHealth("ready", h -> h.status() == 503, Duration.ofSeconds(30));
                    long downMillis = (System.nanoTime() - cutAt) / 1_000_000;
                    assertEquals("DOWN", down.check(DATABASE_CHECK), down.body());
                    assertFalse(down.body().contains("postgres"), "no URL or user in the answer: " + down.body());
                    Health live = health("live");
                    assertEquals(200, live.status(), "liveness stays UP without the database: " + live.body());

                    proxy.restore();
                    long restoredAt = System.nanoTime();
                    Health up = awaitHealth("ready", h -> h.status() == 200, Duration.ofSeconds(60));
                    long upMillis = (System.nanoTime() - restoredAt) / 1_000_000;
                    assertEquals("UP", up.check(DATABASE_CHECK), up.body());
                    assertEquals(200, adminCall(), "the admin API answers again");
                    System.out.printf(
                            "readiness: DOWN %d ms after the database connection was cut, UP %d ms after it was"
                                    + " restored%n",
                            downMillis, upMillis);
                } finally {
                    deployer.undeploy(DEPLOYMENT);
                }
            } finally {
                controller.stop(CONTAINER);
            }
        }
        assertJsonLog(Path.of(System.getProperty("it.ops.base.dir"), "log", "server.log"));
    }

    /** Every line of the log is a JSON object with time, level, logger and message; ours are among them. */
    private static void assertJsonLog(Path log) throws Exception {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertTrue(lines.size() > 20, "the server wrote its log: " + lines.size() + " lines");
        int ours = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonObject record;
            try (JsonReader reader = Json.createReader(new StringReader(line))) {
                record = reader.readObject();
            } catch (RuntimeException e) {
                fail("not a JSON object: " + line, e);
                return;
            }
            for (String key : List.of("timestamp", "level", "loggerName", "message")) {
                assertTrue(record.containsKey(key), key + " in " + line);
            }
            assertEquals("erpconnect", record.getString("service"), line);
            if (record.getString("loggerName").startsWith("de.erpconnect")) {
                ours++;
            }
        }
        assertTrue(ours > 0, "ERP Connect's own messages are in the JSON log");
    }

    private static int adminCall() {
        return Http.get("/api/admin/users/admin", Http.admin()).status();
    }

    private static Health awaitHealth(String kind, Predicate<Health> until, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Health last;
        do {
            last = health(kind);
            if (until.test(last)) {
                return last;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        fail("/health/" + kind + " did not change within " + timeout + ": " + last.status() + " " + last.body());
        return last;
    }

    private static Health health(String kind) throws Exception {
        HttpResponse<String> response = HEALTH.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + System.getProperty("it.port.mgmt") + "/health/" + kind))
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Health(response.statusCode(), response.body());
    }

    record Health(int status, String body) {

        /** The status of one named check, or null when the answer does not list it. */
        String check(String name) {
            JsonObject json;
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                json = reader.readObject();
            }
            for (JsonValue value : json.getJsonArray("checks")) {
                JsonObject check = value.asJsonObject();
                if (name.equals(check.getString("name"))) {
                    return check.getString("status");
                }
            }
            return null;
        }
    }
}
