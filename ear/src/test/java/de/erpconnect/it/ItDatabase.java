package de.erpconnect.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Direct JDBC access to the integration suite's database (H2 file or the PostgreSQL schema), for
 * checks the HTTP API cannot make. H2 is embedded in the server: open it only while the server is
 * stopped.
 */
final class ItDatabase {

    private ItDatabase() {}

    static boolean postgresql() {
        return "postgresql".equals(System.getProperty("it.db"));
    }

    /** The schema holding the tables. */
    static String schema() {
        return postgresql() ? "erpconnect_it" : "public";
    }

    static Connection open() throws SQLException {
        if (postgresql()) {
            return DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user"), "");
        }
        return DriverManager.getConnection(
                "jdbc:h2:" + ItEnv.dataDir().resolve("h2/erpconnect")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;IFEXISTS=TRUE",
                "sa",
                "sa");
    }

    /** A new, empty schema of its own on the machine's PostgreSQL (dropped first when it exists). */
    static void freshPostgresqlSchema(String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:5432/test",
                        System.getProperty("it.db.user"),
                        System.getenv("ERPCONNECT_DB_PASSWORD"));
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
    }
}
