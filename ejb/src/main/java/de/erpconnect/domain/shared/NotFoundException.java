package de.erpconnect.domain.shared;

/** Base for "no such record"; subclasses say which kind of record. */
public abstract class NotFoundException extends BusinessException {

    private static final long serialVersionUID = 1L;

    protected NotFoundException(String message) {
        super(message);
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.NOT_FOUND;
    }
}
