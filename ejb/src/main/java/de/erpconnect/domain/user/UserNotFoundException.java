package de.erpconnect.domain.user;

import de.erpconnect.domain.shared.NotFoundException;

/** No user with this login in the realm. */
public class UserNotFoundException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    public UserNotFoundException(LoginName login) {
        super("There is no user '" + login.value() + "'.");
    }
}
