package de.erpconnect.domain.grant;

import java.time.Instant;

/**
 * What issuing tokens from a grant needs to know about it, read fresh from the database in the
 * same query as the refresh token (no entity graph): whose it is, for which client, until when.
 */
public record GrantFacts(long id, String clientId, String userLogin, Instant expiresAt, Instant revokedAt) {

    public boolean isUsable(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
