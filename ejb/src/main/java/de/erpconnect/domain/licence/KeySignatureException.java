package de.erpconnect.domain.licence;

/** The key is well-formed but not signed by the vendor key in effect. */
public class KeySignatureException extends Exception {

    private static final long serialVersionUID = 1L;

    public KeySignatureException(String message) {
        super(message, null, false, false);
    }
}
