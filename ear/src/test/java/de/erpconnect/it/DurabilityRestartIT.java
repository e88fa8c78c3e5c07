package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Durability (restart stage): the server process is killed with SIGKILL while three streams of
 * writes run — applications (admin REST), access credentials (admin REST) and GraphQL mutations
 * that create a transaction with two items. After the restart every acknowledged write is there
 * and complete, and a write that was in flight at the kill is either complete or absent, never
 * half-applied (checked over HTTP, then row by row in the database).
 */
class DurabilityRestartIT extends RestartStage {

    private static final Duration WRITE_PHASE = Duration.ofSeconds(4);

    /** What one stream of writes did: marker → response id of acknowledged writes, and markers in flight. */
    static final class Stream {
        final Map<String, String> acknowledged = Collections.synchronizedMap(new LinkedHashMap<>());
        final Set<String> unacknowledged = ConcurrentHashMap.newKeySet();
        volatile Throwable unexpected;
    }

    interface Write {
        /** Performs one write named {@code marker}; returns its id, or throws when no answer came. */
        String write(String marker) throws Exception;
    }

    @Test
    void acknowledgedWritesSurviveAKillAndNothingIsHalfApplied() throws Exception {
        start();
        boolean deployed = true;
        try {
            String run = Fixtures.unique("dur");
            String owner = Fixtures.user(Map.of(), List.of("user"));
            Map<String, List<String>> rights = new LinkedHashMap<>();
            GraphqlMutationIT.WRITABLE.forEach(t -> rights.put(t, List.of("read", "create", "modify", "delete")));
            String writerToken = Fixtures.token(Fixtures.application(
                    Fixtures.user(rights, List.of("user")), List.of("graphql", "graphql.write"), null));

            Stream applications = new Stream();
            Stream credentials = new Stream();
            Stream transactions = new Stream();
            AtomicBoolean running = new AtomicBoolean(true);
            CountDownLatch done = new CountDownLatch(3);
            start("applications", applications, running, done, marker -> createApplication(owner, marker));
            start("credentials", credentials, running, done, DurabilityRestartIT::createCredential);
            start("transactions", transactions, running, done, marker -> createTransaction(writerToken, marker));

            Thread.sleep(WRITE_PHASE.toMillis());
            ProcessHandle server = serverProcess();
            server.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            server.onExit().get(30, TimeUnit.SECONDS);
            assertTrue(done.await(60, TimeUnit.SECONDS), "every writer noticed the kill");
            running.set(false);
            for (Stream s : List.of(applications, credentials, transactions)) {
                if (s.unexpected != null) {
                    throw new AssertionError("a write was refused before the kill", s.unexpected);
                }
            }
            System.out.printf(
                    "kill -9 of pid %d after %d s: acknowledged %d applications, %d credentials, %d transactions;"
                            + " in flight %d / %d / %d%n",
                    server.pid(),
                    WRITE_PHASE.toSeconds(),
                    applications.acknowledged.size(),
                    credentials.acknowledged.size(),
                    transactions.acknowledged.size(),
                    applications.unacknowledged.size(),
                    credentials.unacknowledged.size(),
                    transactions.unacknowledged.size());
            for (Stream s : List.of(applications, credentials, transactions)) {
                assertTrue(s.acknowledged.size() >= 5, "the streams wrote before the kill: " + s.acknowledged);
            }

            // Arquillian's view of the container: stopped (the process is gone); the server boots again and
            // deploys the application it had, from its own configuration.
            controller.stop(CONTAINER);
            controller.start(CONTAINER);

            applications.acknowledged.forEach((marker, id) -> {
                Http.Res r = Http.get("/api/admin/applications/" + id, Http.admin());
                assertEquals(200, r.status(), marker + ": " + r.body());
                assertEquals(marker, r.json().getString("name"));
            });
            credentials.acknowledged.forEach((marker, number) -> {
                Http.Res r = Http.get("/api/admin/credentials/" + number, Http.admin());
                assertEquals(200, r.status(), marker + ": " + r.body());
                assertEquals(marker, r.json().getString("clientId"));
            });
            transactions.acknowledged.forEach((marker, belegNr) -> {
                JsonObject row = GraphqlReadIT.data(
                                writerToken,
                                "{ tblTransactions { rowRead(kf1BelegNr: {string: \"" + belegNr + "\"}) { fldDokGUID"
                                        + " tblTransactionItems { rowsRead { fldZeilenNr } } } } }")
                        .getJsonObject("tblTransactions")
                        .getJsonObject("rowRead");
                assertEquals(marker, row.getString("fldDokGUID"), belegNr);
                assertEquals(
                        2,
                        row.getJsonObject("tblTransactionItems")
                                .getJsonArray("rowsRead")
                                .size(),
                        belegNr);
            });
        } catch (Throwable t) {
            deployed = false;
            throw t;
        } finally {
            // The deployment the server redeployed at boot is removed again (never left in standalone.xml).
            stop();
        }
        if (deployed) {
            databaseHoldsNoHalfWrite();
        }
    }

    /** Row by row, with the server stopped: every marked transaction has both items, every application its scopes. */
    private void databaseHoldsNoHalfWrite() throws Exception {
        String schema = ItDatabase.schema();
        try (Connection c = ItDatabase.open()) {
            List<String> broken = new ArrayList<>();
            notTwo(
                    c,
                    "select t.dok_guid, (select count(*) from " + schema + ".erp_transaction_item i where i.beleg_nr"
                            + " = t.beleg_nr) from " + schema + ".erp_transaction t where t.dok_guid like 'dur%'",
                    "items",
                    broken);
            notTwo(
                    c,
                    "select a.name, (select count(*) from " + schema + ".client_scope s where s.application_id"
                            + " = a.id) from " + schema + ".client_application a where a.name like 'dur%'",
                    "scopes",
                    broken);
            assertEquals(List.of(), broken, "half-applied writes");
        }
    }

    /** Adds every (marker, count) row of {@code sql} whose count is not 2 to {@code broken}. */
    private static void notTwo(Connection c, String sql, String what, List<String> broken) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (rs.getInt(2) != 2) {
                    broken.add(rs.getString(1) + " has " + rs.getInt(2) + " " + what);
                }
            }
        }
    }

    private static void start(String name, Stream stream, AtomicBoolean running, CountDownLatch done, Write write) {
        Thread thread = new Thread(
                () -> {
                    try {
                        int n = 0;
                        while (running.get()) {
                            String marker = "dur-" + name.charAt(0) + "-" + (n++) + "-" + Fixtures.unique("");
                            stream.unacknowledged.add(marker);
                            String id;
                            try {
                                id = write.write(marker);
                            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                                return; // the server went away: this write stays unacknowledged
                            }
                            stream.unacknowledged.remove(marker);
                            stream.acknowledged.put(marker, id);
                        }
                    } catch (Throwable t) {
                        stream.unexpected = t;
                    } finally {
                        done.countDown();
                    }
                },
                "durability-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private static String createApplication(String owner, String marker) throws Exception {
        Http.Res r = Http.json(
                "POST",
                "/api/admin/applications",
                Http.admin(),
                Json.createObjectBuilder()
                        .add("name", marker)
                        .add("kind", "OWN")
                        .add("clientType", "CONFIDENTIAL")
                        .add("user", owner)
                        .add("redirectUris", Json.createArrayBuilder().add("https://partner.example.com/cb"))
                        .add("scopes", Json.createArrayBuilder().add("graphql").add("offline_access"))
                        .build()
                        .toString());
        if (r.status() != 201) {
            throw new AssertionError(r.status() + " " + r.body());
        }
        Secrets.note(r.json().getString("clientSecret"));
        return String.valueOf(r.json().getInt("id"));
    }

    private static String createCredential(String marker) {
        Http.Res r = Http.json(
                "POST",
                "/api/admin/credentials",
                Http.admin(),
                AccessCredentialsIT.credential("PARALLEL", false, marker, "Geheim-" + Fixtures.unique("s")));
        if (r.status() != 201) {
            throw new AssertionError(r.status() + " " + r.body());
        }
        return String.valueOf(r.json().getInt("number"));
    }

    private static String createTransaction(String token, String marker) {
        Http.Res r = Http.graphql(
                token,
                "mutation { tblTransactions { rowNew { fldArt(set: {text: \"Rechnung\"})"
                        + " fldAdrNr(set: {string: \"10001\"}) fldDokGUID(set: {string: \"" + marker + "\"})"
                        + " tblTransactionItems { a: rowNew { fldArtNr(set: {string: \"A10000\"}) fldMge(set: {float: 1}) }"
                        + " b: rowNew { fldArtNr(set: {string: \"A10001\"}) fldMge(set: {float: 2}) } }"
                        + " rowSave { fldBelegNr } } } }");
        if (r.status() != 200
                || !r.json().containsKey("data")
                || r.json().get("data").getValueType() == jakarta.json.JsonValue.ValueType.NULL) {
            throw new AssertionError(r.status() + " " + r.body());
        }
        return r.json()
                .getJsonObject("data")
                .getJsonObject("tblTransactions")
                .getJsonObject("rowNew")
                .getJsonObject("rowSave")
                .getString("fldBelegNr");
    }

    /** The server JVM this test run started (a child of this JVM, found by its base directory). */
    private static ProcessHandle serverProcess() {
        String marker = "-Djboss.server.base.dir=" + ItEnv.baseDir();
        List<ProcessHandle> found = ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(marker))
                .toList();
        assertEquals(1, found.size(), "exactly one server process of this run: " + found);
        return found.get(0);
    }
}
