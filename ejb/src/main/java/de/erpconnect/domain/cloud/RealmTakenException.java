package de.erpconnect.domain.cloud;

import de.erpconnect.domain.shared.ConflictException;

/** A customer number already has its realm: one realm per customer. */
public class RealmTakenException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public RealmTakenException(CustomerNumber customer) {
        super("The customer number " + customer + " is already registered in the cloud.");
    }
}
