package de.erpconnect.domain.cloud;

import de.erpconnect.domain.shared.NotFoundException;

/** No invitation has this id. */
public class InvitationNotFoundException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    public InvitationNotFoundException(long id) {
        super("Invitation " + id + " does not exist.");
    }
}
