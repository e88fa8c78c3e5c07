package de.erpconnect.infrastructure.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Which unique rule of the database a failed write broke: the name of the constraint or index
 * (lower case; H2 appends its own suffix), when the failure is a unique violation (SQLState 23505 on
 * PostgreSQL and H2). A request that loses a race to a parallel one meets the database's rule here
 * instead of the service's check before it, and is answered like the sequential conflict. On H2 the
 * loser may instead meet the other transaction's row before it committed: a concurrent update
 * (90131), which H2 raises at once where PostgreSQL waits for the other transaction and then reports
 * the unique violation.
 */
final class UniqueViolation {

    private static final String UNIQUE_VIOLATION = "23505";
    /** H2's concurrent update; PostgreSQL's serialization failure and deadlock */
    private static final Set<String> CONCURRENT = Set.of("90131", "40001", "40P01");

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

    /** True when a parallel transaction's uncommitted write stood in the way (see the class). */
    static boolean concurrent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s && CONCURRENT.contains(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Inserts {@code entity} now (persist and flush: an identity column inserts at persist anyway)
     * and answers a lost race for the unique rule {@code constraint} — also H2's concurrent update —
     * with {@code conflict}, the exception of the sequential case.
     */
    static void persist(
            EntityManager em, Object entity, String constraint, Supplier<? extends RuntimeException> conflict) {
        try {
            em.persist(entity);
            em.flush();
        } catch (PersistenceException e) {
            if (of(e, constraint) || concurrent(e)) {
                throw conflict.get();
            }
            throw e;
        }
    }
}
