package de.erpconnect.domain.grant;

import java.time.Instant;

/**
 * The refresh tokens issued from one authorization-code exchange: {@code generation} is the number
 * of the one token of the chain that is valid now; {@code issuedAt} is when it was issued (the
 * moment its predecessor was spent), {@code expiresAt} when it stops working.
 */
public record RefreshChain(long id, long grantId, long generation, String scopes, Instant issuedAt, Instant expiresAt) {

    /** Whether the presented generation is the current one. */
    public boolean isCurrent(long presentedGeneration) {
        return presentedGeneration == generation;
    }
}
