package de.erpconnect.domain.credential;

import de.erpconnect.domain.shared.ConflictException;

/**
 * Activating a record while another of the same kind is active: the admin has to deactivate the
 * other one first — never a silent switch.
 */
public class AnotherCredentialActiveException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public AnotherCredentialActiveException(String kindName, Integer activeNumber) {
        super("Access credentials of the kind '" + kindName + "' are already active"
                + (activeNumber == null ? "" : " (number " + activeNumber + ")")
                + "; deactivate them first, only one record per kind can be active.");
    }
}
