package de.erpconnect.domain.licence;

/** The text is not an activation key: wrong characters, length or checksum (a typo). */
public class KeyFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public KeyFormatException(String message) {
        super(message, null, false, false);
    }
}
