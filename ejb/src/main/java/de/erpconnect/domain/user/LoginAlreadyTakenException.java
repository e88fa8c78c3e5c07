package de.erpconnect.domain.user;

import de.erpconnect.domain.shared.ConflictException;

/** Another user of the realm already has this login. */
public class LoginAlreadyTakenException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public LoginAlreadyTakenException(LoginName login) {
        super("A user with the login '" + login.value() + "' already exists.");
    }
}
