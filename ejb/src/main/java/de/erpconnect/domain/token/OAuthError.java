package de.erpconnect.domain.token;

/** The error codes of RFC 6749 §5.2 (token endpoint), §4.1.2.1 (authorization endpoint) and RFC 9449 (DPoP). */
public enum OAuthError {
    INVALID_REQUEST("invalid_request", 400),
    INVALID_CLIENT("invalid_client", 401),
    INVALID_GRANT("invalid_grant", 400),
    UNAUTHORIZED_CLIENT("unauthorized_client", 400),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400),
    INVALID_SCOPE("invalid_scope", 400),
    UNSUPPORTED_TOKEN_TYPE("unsupported_token_type", 400),
    UNSUPPORTED_RESPONSE_TYPE("unsupported_response_type", 400),
    ACCESS_DENIED("access_denied", 403),
    SLOW_DOWN("slow_down", 429),
    /** RFC 6750 §3.1: the presented access token cannot be used (here: a DPoP proof of another key). */
    INVALID_TOKEN("invalid_token", 401),
    /** RFC 9449 §5 and §7.1: a DPoP proof that is missing where required, malformed or not valid. */
    INVALID_DPOP_PROOF("invalid_dpop_proof", 400),
    /** RFC 9449 §8: the proof lacks the server's current nonce. */
    USE_DPOP_NONCE("use_dpop_nonce", 400),
    /** A cloud realm's endpoint for a customer number without a realm (DESIGN §9): the path does not exist. */
    UNKNOWN_REALM("invalid_request", 404),
    SERVER_ERROR("server_error", 500);

    private final String code;
    private final int httpStatus;

    OAuthError(String code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
