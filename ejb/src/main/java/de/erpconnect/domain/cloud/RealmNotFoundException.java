package de.erpconnect.domain.cloud;

import de.erpconnect.domain.shared.NotFoundException;

/** No realm is registered for a customer number. */
public class RealmNotFoundException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    public RealmNotFoundException(String customerNumber) {
        super("No cloud realm is registered for the customer number " + customerNumber + ".");
    }
}
