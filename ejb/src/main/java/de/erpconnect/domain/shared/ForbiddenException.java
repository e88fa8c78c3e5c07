package de.erpconnect.domain.shared;

/** The caller is authenticated but lacks a right, a scope or an edition for this operation. */
public class ForbiddenException extends BusinessException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public ForbiddenException(String code, String message) {
        super(message);
        this.code = code;
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.FORBIDDEN;
    }

    @Override
    public String code() {
        return code;
    }
}
