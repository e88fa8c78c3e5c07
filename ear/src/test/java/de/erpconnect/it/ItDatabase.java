package de.erpconnect.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

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
}
