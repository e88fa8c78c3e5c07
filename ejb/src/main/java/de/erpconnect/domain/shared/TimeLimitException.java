package de.erpconnect.domain.shared;

/**
 * A statement or request ran into its time limit (the query timeout of DESIGN §7, or a row that
 * another transaction holds for too long). Nothing was changed; GraphQL reports it with the code
 * {@code TIMEOUT}.
 */
public class TimeLimitException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public TimeLimitException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "TIMEOUT";
    }
}
