package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs after the integration suite, with the server stopped (DESIGN §11): no secret the suite
 * created — client secrets, passwords, access tokens, the first admin's password — may appear in
 * clear in the server log or anywhere in the database (which holds the event log).
 */
class SecretLeakIT {

    @Test
    void noSecretOfTheSuiteIsInTheLogOrTheDatabase() throws Exception {
        List<String> secrets = new ArrayList<>(Files.readAllLines(Secrets.file(), StandardCharsets.UTF_8));
        secrets.removeIf(String::isBlank);
        secrets.add(ItEnv.adminPassword());
        assertTrue(secrets.size() > 50, "the suite noted only " + secrets.size() + " secrets; is it complete?");

        String log = serverLogs();
        String database = databaseDump();
        assertTrue(log.contains("ERPC0020"), "the server log was read");
        assertTrue(database.contains("Mustermann Büroausstattung GmbH"), "the database dump was read");
        assertTrue(database.contains("CLIENT_AUTHENTICATION_FAILED"), "the event log was read");

        List<String> leaks = new ArrayList<>();
        for (String secret : secrets) {
            if (log.contains(secret)) {
                leaks.add("server log contains " + secret.substring(0, 6) + "…");
            }
            if (database.contains(secret)) {
                leaks.add("database contains " + secret.substring(0, 6) + "…");
            }
        }
        assertEquals(List.of(), leaks, "secrets in clear");
        System.out.printf(
                "secret scan: %d secrets, %d chars of server log, %d chars of database: no leak%n",
                secrets.size(), log.length(), database.length());
    }

    @Test
    void noRequestOfTheSuiteFailedUnexpectedly() throws Exception {
        List<String> unexpected = serverLogs()
                .lines()
                .filter(l -> l.contains("ERPC0100")
                        || l.contains("ERPC0101")
                        || l.contains("ERPC0900")
                        || l.contains("UT005023")
                        || l.contains("SRGQL012000"))
                .toList();
        assertEquals(List.of(), unexpected, "unexpected failures (500s) in the server log");
    }

    private static String serverLogs() throws Exception {
        StringBuilder all = new StringBuilder();
        Path logDir = ItEnv.baseDir().resolve("log");
        try (Stream<Path> files = Files.list(logDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }

    /** Every value of every table, as text (BYTEA as hex): generic for H2 and PostgreSQL. */
    private static String databaseDump() throws Exception {
        String schema = ItDatabase.schema();
        StringBuilder dump = new StringBuilder();
        try (Connection c = ItDatabase.open()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertTrue(tables.contains("event_log"), "tables found: " + tables);
            for (String table : tables) {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("select * from " + schema + ".\"" + table + "\"")) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            Object v = rs.getObject(i);
                            dump.append(v instanceof byte[] b ? new String(b, StandardCharsets.ISO_8859_1) : v)
                                    .append('\t');
                        }
                        dump.append('\n');
                    }
                }
            }
        }
        return dump.toString();
    }
}
