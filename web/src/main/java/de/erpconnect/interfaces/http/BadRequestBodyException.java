package de.erpconnect.interfaces.http;

/** A request body that cannot be read: too large, not UTF-8, not well-formed. */
public class BadRequestBodyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public BadRequestBodyException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
