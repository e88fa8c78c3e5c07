package de.erpconnect.infrastructure.persistence.demo;

import org.flywaydb.core.api.migration.JavaMigration;

/** The ordered demo-data steps. */
public final class DemoCompany {

    private DemoCompany() {}

    public static JavaMigration[] migrations() {
        return new JavaMigration[] {new V1__Addresses(), new V2__Company()};
    }
}
