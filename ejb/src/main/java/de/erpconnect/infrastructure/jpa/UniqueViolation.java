package de.erpconnect.infrastructure.jpa;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Which unique rule of the database a failed write broke: the name of the constraint or index
 * (lower case; H2 appends its own suffix), when the failure is a unique violation (SQLState 23505 on
 * PostgreSQL and H2). A request that loses a race to a parallel one meets the database's rule here
 * instead of the service's check before it, and is answered like the sequential conflict.
 */
final class UniqueViolation {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolation() {}

    static Optional<String> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConstraintViolationException c && UNIQUE_VIOLATION.equals(c.getSQLState())) {
                String name = c.getConstraintName() != null ? c.getConstraintName() : String.valueOf(c.getMessage());
                return Optional.of(name.toLowerCase(Locale.ROOT));
            }
            if (t instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
                return Optional.of(String.valueOf(s.getMessage()).toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    /** True when {@code failure} broke the unique rule {@code constraint}. */
    static boolean of(Throwable failure, String constraint) {
        return of(failure).filter(name -> name.contains(constraint)).isPresent();
    }
}
