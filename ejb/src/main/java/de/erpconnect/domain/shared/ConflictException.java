package de.erpconnect.domain.shared;

/** Base for requests that clash with the current state; subclasses name the clash. */
public abstract class ConflictException extends BusinessException {

    private static final long serialVersionUID = 1L;

    protected ConflictException(String message) {
        super(message);
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.CONFLICT;
    }
}
