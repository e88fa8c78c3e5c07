package de.erpconnect.domain.credential;

import de.erpconnect.domain.shared.ConflictException;

/** The installation cannot call the vendor cloud: no active "microtech Cloud" access credentials. */
public class NoCloudAccessException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public NoCloudAccessException(String message) {
        super(message);
    }
}
