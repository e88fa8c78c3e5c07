package de.erpconnect.domain.token;

import de.erpconnect.domain.shared.BusinessException;
import de.erpconnect.domain.shared.ErrorCategory;

/**
 * An authorization request that must not be answered by a redirect (RFC 6749 §4.1.2.1): the
 * client is unknown or the redirect URI is not registered; or a step of the authorization in the
 * user's browser that cannot go on (the request expired or was already answered). The error is
 * shown on our own page, worded for the page's language by its {@link Reason}.
 */
public class AuthorizationPageException extends BusinessException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, a key into the pages' texts ({@code authorization.<key>}). */
    public enum Reason {
        UNKNOWN_CLIENT("unknownClient"),
        MISSING_REDIRECT_URI("missingRedirectUri"),
        UNREGISTERED_REDIRECT_URI("unregisteredRedirectUri"),
        REPEATED_PARAMETER("repeatedParameter"),
        /** A pushed request (RFC 9126) that is unknown, expired, used or another application's. */
        REQUEST_URI("requestUri"),
        /** The user's part: the request is gone (timed out, or the session ended). */
        EXPIRED("expired"),
        /** The user's part: the request was answered before (the code went to the application). */
        ANSWERED("answered");

        private final String key;

        Reason(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        /** True when the application sent a broken request, false when the user's flow ended. */
        public boolean applicationFault() {
            return this != EXPIRED && this != ANSWERED;
        }
    }

    private final String error;
    private final Reason reason;

    public AuthorizationPageException(String error, Reason reason, String message) {
        super(message);
        this.error = error;
        this.reason = reason;
    }

    public String error() {
        return error;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String messageKey() {
        return "authorization." + reason.key();
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.INVALID;
    }
}
