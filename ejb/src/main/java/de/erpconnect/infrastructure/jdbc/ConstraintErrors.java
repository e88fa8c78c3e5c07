package de.erpconnect.infrastructure.jdbc;

import de.erpconnect.domain.erp.TableMeta;
import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.shared.TimeLimitException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;

/**
 * Turns a violated database rule into a clear input error naming the table — never the SQL or
 * the driver's text, which would leak the schema.
 */
final class ConstraintErrors {

    private ConstraintErrors() {}

    /** A statement cancelled by its query timeout, or a lock wait that timed out (H2, PostgreSQL). */
    static boolean isTimeout(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return e instanceof SQLTimeoutException
                || state.equals("57014") // PostgreSQL: canceled (query timeout)
                || state.equals("55P03") // PostgreSQL: lock not available
                || state.equals("HYT00"); // H2: timeout trying to lock, or statement canceled
    }

    static RuntimeException translate(TableMeta table, SQLException e, int timeoutSeconds) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String name = table.table().wireName();
        if (isTimeout(e)) {
            return new TimeLimitException("Writing " + name + " did not finish within " + timeoutSeconds
                    + " s: another transaction holds the row. Nothing was changed; try again.");
        }
        return switch (state) {
            case "23505" -> new InvalidInputException(name, "A row of " + name + " with this key already exists.");
            case "23503" ->
                new InvalidInputException(
                        name,
                        "The change to " + name
                                + " refers to a row that does not exist, or the row is still referenced by other rows.");
            case "23502" -> new InvalidInputException(name, "A required field of " + name + " is empty.");
            case "23513", "23514" -> new InvalidInputException(name, "A value does not fit the rules of " + name + ".");
            case "22001" -> new InvalidInputException(name, "A text is too long for its field in " + name + ".");
            case "22003", "22018" ->
                new InvalidInputException(name, "A number is out of range for its field in " + name + ".");
            default -> new IllegalStateException("Writing " + table.sqlTable() + " failed", e);
        };
    }
}
