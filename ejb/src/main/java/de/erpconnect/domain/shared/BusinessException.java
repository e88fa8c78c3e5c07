package de.erpconnect.domain.shared;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * Root of every expected failure. It rolls the transaction back and reaches the caller as it is
 * (no {@code EJBException} wrapping, no server log entry). Subclasses name one condition each;
 * the message is written for the person who sent the request and never contains a secret.
 * Stack traces are not filled in: these are answers, not bugs.
 */
@ApplicationException(rollback = true)
public abstract class BusinessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected BusinessException(String message) {
        super(message, null, false, false);
    }

    public abstract ErrorCategory category();

    /** A stable machine-readable code, e.g. for GraphQL {@code extensions.code}. */
    public String code() {
        return category().name();
    }

    public List<FieldError> fieldErrors() {
        return List.of();
    }

    /** A key into the protocol layer's message bundles when the text is localized per request. */
    public String messageKey() {
        return null;
    }

    public Object[] messageArgs() {
        return new Object[0];
    }
}
