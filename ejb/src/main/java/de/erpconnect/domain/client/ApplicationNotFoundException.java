package de.erpconnect.domain.client;

import de.erpconnect.domain.shared.NotFoundException;

/** No application with this id in the realm. */
public class ApplicationNotFoundException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    public ApplicationNotFoundException(long id) {
        super("There is no application with id " + id + ".");
    }
}
