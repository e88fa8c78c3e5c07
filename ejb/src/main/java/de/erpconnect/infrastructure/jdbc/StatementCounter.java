package de.erpconnect.infrastructure.jdbc;

/**
 * Counts the SQL statements the ERP row repository runs on the current thread while a count is
 * open — the proof that a GraphQL page with nested links costs a constant number of statements
 * (DESIGN §7 "No N+1"). Off unless a caller opens a count (the GraphQL layer does so in dev mode).
 */
public final class StatementCounter {

    private static final ThreadLocal<int[]> COUNT = new ThreadLocal<>();

    private StatementCounter() {}

    public static void open() {
        COUNT.set(new int[1]);
    }

    /** Closes the count and returns the statements counted since {@link #open()} (0 when none was open). */
    public static int close() {
        int[] count = COUNT.get();
        COUNT.remove();
        return count == null ? 0 : count[0];
    }

    static void executed() {
        int[] count = COUNT.get();
        if (count != null) {
            count[0]++;
        }
    }
}
