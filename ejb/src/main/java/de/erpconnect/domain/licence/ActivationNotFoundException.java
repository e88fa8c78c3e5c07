package de.erpconnect.domain.licence;

import de.erpconnect.domain.shared.NotFoundException;

/** No activation with this id. */
public class ActivationNotFoundException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    public ActivationNotFoundException(long id) {
        super("There is no activation with id " + id + ".");
    }
}
