package de.erpconnect.domain.credential;

import de.erpconnect.domain.shared.NotFoundException;

/** No access credential with this number. */
public class CredentialNotFoundException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    public CredentialNotFoundException(int number) {
        super("There are no access credentials with number " + number + ".");
    }
}
