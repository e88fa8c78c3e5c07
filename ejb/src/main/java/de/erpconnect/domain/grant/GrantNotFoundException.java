package de.erpconnect.domain.grant;

import de.erpconnect.domain.shared.NotFoundException;

/** No grant with this id. */
public class GrantNotFoundException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    public GrantNotFoundException(long id) {
        super("There is no grant with id " + id + ".");
    }
}
