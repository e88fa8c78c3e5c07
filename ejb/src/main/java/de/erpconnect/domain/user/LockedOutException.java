package de.erpconnect.domain.user;

import de.erpconnect.domain.shared.ConflictException;

/** Too many failed attempts from this address: try again after {@link #retryAfterSeconds()}. */
public class LockedOutException extends ConflictException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public LockedOutException(long retryAfterSeconds) {
        super("Too many failed attempts; try again in " + retryAfterSeconds + " s.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public String code() {
        return "LOCKED_OUT";
    }
}
