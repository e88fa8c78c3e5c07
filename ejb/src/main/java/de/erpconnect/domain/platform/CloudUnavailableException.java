package de.erpconnect.domain.platform;

import de.erpconnect.domain.shared.BusinessException;
import de.erpconnect.domain.shared.ErrorCategory;

/** The vendor cloud cannot be reached or refused the installation's credentials; nothing was changed. */
public class CloudUnavailableException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public CloudUnavailableException(String message) {
        super(message);
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.UNAVAILABLE;
    }
}
