package de.erpconnect.domain.token;

import de.erpconnect.domain.shared.BusinessException;
import de.erpconnect.domain.shared.ErrorCategory;

/**
 * An authorization request that must not be answered by a redirect (RFC 6749 §4.1.2.1): the
 * client is unknown or the redirect URI is not registered. The error is shown on our own page.
 */
public class AuthorizationPageException extends BusinessException {

    private static final long serialVersionUID = 1L;

    private final String error;

    public AuthorizationPageException(String error, String message) {
        super(message);
        this.error = error;
    }

    public String error() {
        return error;
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.INVALID;
    }
}
