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
    private final long retryAfterSeconds;

    public OAuthException(OAuthError error, String description) {
        this(error, description, 0);
    }

    public OAuthException(OAuthError error, String description, long retryAfterSeconds) {
        super(description);
        this.error = error;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** For {@code slow_down} (429): when the client may try again. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
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
