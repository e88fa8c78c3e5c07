package de.erpconnect.infrastructure.persistence;

import de.erpconnect.infrastructure.persistence.demo.DemoCompany;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

/**
 * The schema migrations ({@code db/migration}, the same on H2 and PostgreSQL) and, only when
 * {@code ERPCONNECT_DEMO_DATA=true}, the demo data with its own history table, so that demo and
 * schema versions never interleave. Production start never loads demo data.
 */
public final class DatabaseMigrations {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class);
    static final String DEMO_SWITCH = "erpconnect.demo-data";

    private DatabaseMigrations() {}

    public static void migrate(DataSource dataSource) {
        ClassLoader loader = DatabaseMigrations.class.getClassLoader();
        MigrateResult schema = Flyway.configure(loader)
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.infof(
                "ERPC0010: database schema at version %s (%d migrations applied now)",
                schema.targetSchemaVersion == null ? "unchanged" : schema.targetSchemaVersion,
                schema.migrationsExecuted);
        if (demoDataRequested()) {
            MigrateResult demo = Flyway.configure(loader)
                    .dataSource(dataSource)
                    .locations("classpath:db/demo")
                    .table("demo_data_history")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .javaMigrations(DemoCompany.migrations())
                    .load()
                    .migrate();
            LOG.infof("ERPC0011: demo data loaded (%d steps applied now)", demo.migrationsExecuted);
        }
    }

    /** {@code ERPCONNECT_DEMO_DATA=true} or {@code -Derpconnect.demo-data=true}. */
    static boolean demoDataRequested() {
        String value = System.getProperty(DEMO_SWITCH, System.getenv("ERPCONNECT_DEMO_DATA"));
        return Boolean.parseBoolean(value);
    }
}
