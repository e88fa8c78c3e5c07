package de.erpconnect.interfaces.security;

/** A bearer token that must be refused; the message is safe to show (RFC 6750 error_description). */
public class InvalidTokenException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String message) {
        super(message, null, false, false);
    }
}
