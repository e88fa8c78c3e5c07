package de.erpconnect.domain.client;

import java.time.Instant;

/**
 * The {@code jti} of every client assertion accepted (RFC 7523 §3, item 7), as its SHA-256
 * (base64url), kept until the assertion expires, for all cluster nodes alike: the second use fails,
 * whichever node sees it. Not a database row: a token request must not cost a database write (the
 * same decision as for DPoP proof ids, issue 34).
 */
public interface AssertionIds {

    /** Records the first use of a jti (its hash) by the client; false when it was used before. */
    boolean firstUse(String realm, String clientId, String jtiHash, Instant expiresAt);

    /**
     * Since when the ids are kept: ids recorded before (before a restart or redeployment of this
     * node) may be gone, so assertions made before it cannot be told apart from replays.
     */
    Instant keptSince();
}
