package de.erpconnect.domain.token;

import de.erpconnect.domain.shared.BusinessException;
import de.erpconnect.domain.shared.ErrorCategory;

/**
 * An OAuth protocol refusal with its RFC 6749 error code. The description is shown to the
 * client developer ({@code error_description}) and never contains a secret.
 */
public class OAuthException extends BusinessException {

    private static final long serialVersionUID = 1L;

    private final OAuthError error;

    public OAuthException(OAuthError error, String description) {
        super(description);
        this.error = error;
    }

    public OAuthError error() {
        return error;
    }

    @Override
    public ErrorCategory category() {
        return error == OAuthError.INVALID_CLIENT || error == OAuthError.ACCESS_DENIED
                ? ErrorCategory.FORBIDDEN
                : ErrorCategory.INVALID;
    }

    @Override
    public String code() {
        return error.code();
    }
}
