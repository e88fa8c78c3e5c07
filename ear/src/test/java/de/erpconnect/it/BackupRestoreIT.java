package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Backup and restore (restart stage): {@code tools/backup.sh} of the stopped server's database and
 * credential store, then {@code tools/restore.sh} onto a fresh data directory (and, on PostgreSQL, a
 * fresh schema — the old one is renamed away); the restored server logs the admin and a user in,
 * verifies a token issued before the backup and decrypts a stored secret ("Testen").
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BackupRestoreIT {

    static final String CONTAINER = "wildfly-restart";
    static final String DEPLOYMENT = "erpconnect-backup";

    @ArquillianResource
    ContainerController controller;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    @TargetsContainer(CONTAINER)
    static EnterpriseArchive ear() {
        return ItEnv.ear();
    }

    @Test
    void aBackupRestoredOntoAFreshServerLogsInAndDecrypts() throws Exception {
        controller.start(CONTAINER);
        deployer.deploy(DEPLOYMENT);
        String user;
        String token;
        int credential;
        try {
            user = Fixtures.graphqlUser();
            JsonObject app = Fixtures.application(user, List.of("graphql"), 3600);
            token = Fixtures.token(app);
            AccessCredentialsIT.deactivateAll("MICROTECH_CLOUD");
            Http.Res created = Http.json(
                    "POST",
                    "/api/admin/credentials",
                    Http.admin(),
                    AccessCredentialsIT.credential(
                            "MICROTECH_CLOUD", false, app.getString("clientId"), app.getString("clientSecret")));
            assertEquals(201, created.status(), created.body());
            credential = created.json().getInt("number");
        } finally {
            deployer.undeploy(DEPLOYMENT);
            controller.stop(CONTAINER);
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

        controller.start(CONTAINER);
        deployer.deploy(DEPLOYMENT);
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
            deployer.undeploy(DEPLOYMENT);
            controller.stop(CONTAINER);
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
        Result r = run(script, args);
        assertEquals(0, r.exit(), script + " failed: " + r.output());
        return r.output().strip();
    }

    private static String toolFails(String script, String... args) throws Exception {
        Result r = run(script, args);
        assertNotEquals(0, r.exit(), script + " should have refused: " + r.output());
        return r.output().strip();
    }

    record Result(int exit, String output) {}

    private static Result run(String script, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(
                Path.of(System.getProperty("it.project.root"), "tools", script).toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("ERPCONNECT_DB", System.getProperty("it.db"));
        pb.environment().put("JBOSS_HOME", System.getProperty("jboss.home"));
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), script + " finished");
        return new Result(p.exitValue(), output);
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
