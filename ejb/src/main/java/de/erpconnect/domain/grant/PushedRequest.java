package de.erpconnect.domain.grant;

import java.time.Instant;

/**
 * An authorization request a client pushed (RFC 9126), as the authorization endpoint will use it
 * instead of query parameters: already checked when it was pushed (client, registered redirect URI,
 * PKCE S256, scopes), valid until {@code expiresAt}, used once.
 */
public record PushedRequest(
        String clientId, String redirectUri, String scope, String state, String codeChallenge, Instant expiresAt) {

    /** The longest {@code state} kept. */
    public static final int MAX_STATE_LENGTH = 1024;

    /** The longest {@code scope} parameter kept. */
    public static final int MAX_SCOPE_LENGTH = 500;
}
