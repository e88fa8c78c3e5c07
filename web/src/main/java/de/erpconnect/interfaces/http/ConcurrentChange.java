package de.erpconnect.interfaces.http;

import java.sql.SQLException;
import java.util.Set;

/**
 * A failure that means "a parallel request changed the same data first" although no service
 * translated it (it surfaced only when the transaction committed): a unique rule the other request
 * claimed first, a serialization failure or deadlock, H2's concurrent update. Answered with 409,
 * like the conflict a sequential request gets, never with 500.
 */
public final class ConcurrentChange {

    /** unique violation; serialization failure; deadlock (PostgreSQL); concurrent update (H2) */
    private static final Set<String> STATES = Set.of("23505", "40001", "40P01", "90131");

    private ConcurrentChange() {}

    public static boolean isCause(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof SQLException s) {
                for (SQLException e = s; e != null; e = e.getNextException()) {
                    if (STATES.contains(e.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
