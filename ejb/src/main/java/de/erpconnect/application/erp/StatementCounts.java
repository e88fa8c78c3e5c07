package de.erpconnect.application.erp;

import de.erpconnect.infrastructure.jdbc.StatementCounter;

/**
 * The number of ERP SQL statements the reads and writes of this thread ran while a count is open
 * (DESIGN §7 "No N+1"): the GraphQL layer opens one per request in dev mode and reports it. The
 * repositories count; this is how the protocol layers reach that count.
 */
public final class StatementCounts {

    private StatementCounts() {}

    public static void open() {
        StatementCounter.open();
    }

    /** The statements counted since {@link #open()} (0 when none was open); the count is closed. */
    public static int close() {
        return StatementCounter.close();
    }
}
