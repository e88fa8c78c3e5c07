package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Backup and restore (restart stage): {@code tools/backup.sh} of the stopped server's database and
 * credential store, then {@code tools/restore.sh} onto a fresh data directory (and, on PostgreSQL, a
 * fresh schema — the old one is renamed away); the restored server logs the admin and a user in,
 * verifies a token issued before the backup and decrypts a stored secret ("Testen").
 */
class BackupRestoreIT extends RestartStage {

    @Test
    void aBackupRestoredOntoAFreshServerLogsInAndDecrypts() throws Exception {
        start();
        String user;
        String token;
        int credential;
        try {
            user = Fixtures.graphqlUser();
            JsonObject app = Fixtures.application(user, List.of("graphql"), 3600);
            token = Fixtures.token(app);
            AccessCredentialsIT.deactivateAll("ERP_CONNECT");
            credential = AccessCredentialsIT.credentialFor(app);
        } finally {
            stop();
        }

        Path backup = ItEnv.baseDir().resolveSibling("backup-" + System.getProperty("it.db") + ".tar.gz");
        Files.deleteIfExists(backup);
        String written = tool("backup.sh", ItEnv.dataDir().toString(), backup.toString());
        assertTrue(written.contains("credential store"), written);

        // A fresh server: an empty data directory (the old one moved aside) and, on PostgreSQL, no schema.
        Path aside = ItEnv.dataDir().resolveSibling(ItEnv.dataDir().getFileName() + "-before-restore");
        deleteRecursively(aside);
        Files.move(ItEnv.dataDir(), aside);
        if (ItDatabase.postgresql()) {
            try (Connection c = ItDatabase.open();
                    Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS erpconnect_it_before_restore CASCADE");
                s.execute("ALTER SCHEMA erpconnect_it RENAME TO erpconnect_it_before_restore");
            }
        }
        String restored = tool("restore.sh", backup.toString(), ItEnv.dataDir().toString());
        assertTrue(restored.startsWith("restored"), restored);
        assertNotEquals(
                0L, Files.size(ItEnv.dataDir().resolve("erpconnect-keys.cs")), "the keys came back with the data");
        String refused =
                toolFails("restore.sh", backup.toString(), ItEnv.dataDir().toString());
        assertTrue(refused.contains("already holds"), "never over an existing installation: " + refused);

        start();
        try {
            assertEquals(200, Http.get("/api/admin/users/" + user, Http.admin()).status(), "the admin logs in");
            assertEquals(
                    403,
                    Http.get("/api/admin/users", Http.basic(user, Fixtures.PASSWORD + user))
                            .status(),
                    "the user's password still matches (authenticated, not an admin: 403, not 401)");
            assertEquals(
                    401,
                    Http.get("/api/admin/users", Http.basic(user, "Falsch!2026"))
                            .status(),
                    "and a wrong one does not");
            Http.Res gql = Http.graphql(token, GraphqlAccessIT.QUERY);
            assertEquals(200, gql.status(), "a token from before the backup verifies: " + gql.body());
            JsonObject tested = AccessCredentialsIT.test(credential);
            assertTrue(tested.getBoolean("ok"), "the stored secret decrypts and the client secret matches: " + tested);
        } finally {
            stop();
        }
        deleteRecursively(aside);
        if (ItDatabase.postgresql()) {
            try (Connection c = ItDatabase.open();
                    Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA erpconnect_it_before_restore CASCADE");
            }
        }
    }

    private static String tool(String script, String... args) throws Exception {
        Tools.Result r = Tools.run(script, Map.of("ERPCONNECT_DB", System.getProperty("it.db")), args);
        assertEquals(0, r.exit(), script + " failed: " + r.output());
        return r.output();
    }

    private static String toolFails(String script, String... args) throws Exception {
        Tools.Result r = Tools.run(script, Map.of("ERPCONNECT_DB", System.getProperty("it.db")), args);
        assertNotEquals(0, r.exit(), script + " should have refused: " + r.output());
        return r.output();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
