package de.erpconnect.domain.credential;

import de.erpconnect.domain.shared.ConflictException;

/** Another record already has this number. */
public class CredentialNumberTakenException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public CredentialNumberTakenException(int number) {
        super("The number " + number + " is already taken by other access credentials.");
    }
}
