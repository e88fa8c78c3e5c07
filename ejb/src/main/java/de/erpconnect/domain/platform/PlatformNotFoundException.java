package de.erpconnect.domain.platform;

import de.erpconnect.domain.shared.NotFoundException;

/** No platform profile with this id. */
public class PlatformNotFoundException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    public PlatformNotFoundException(long id) {
        super("Platform profile " + id + " does not exist.");
    }
}
