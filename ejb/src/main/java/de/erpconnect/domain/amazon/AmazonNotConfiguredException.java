package de.erpconnect.domain.amazon;

import de.erpconnect.domain.shared.ConflictException;

/** The cloud cannot talk to Amazon yet: its operator has not configured the SP-API application. */
public class AmazonNotConfiguredException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public AmazonNotConfiguredException(String message) {
        super(message);
    }
}
