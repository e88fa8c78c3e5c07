package de.erpconnect.domain.user;

import de.erpconnect.domain.shared.ConflictException;

/** A user cannot be deleted while applications act with their rights, nor the last admin. */
public class UserStillReferencedException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public UserStillReferencedException(String message) {
        super(message);
    }
}
