package de.erpconnect.domain.amazon;

import de.erpconnect.domain.shared.NotFoundException;

/** No platform with this id in the caller's realm. */
public class CloudPlatformNotFoundException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    public CloudPlatformNotFoundException(long id) {
        super("Platform " + id + " does not exist in this cloud account.");
    }
}
