package de.erpconnect.domain.shared;

/**
 * A parallel request is writing the same data at this moment, and the database refused this one
 * before the other finished (H2 does not wait for the other transaction as PostgreSQL does). What
 * was asked did not happen; asking again decides.
 */
public class ConcurrentChangeException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public ConcurrentChangeException() {
        super("A parallel request is changing the same data; try again.");
    }
}
