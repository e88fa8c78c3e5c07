package de.erpconnect.domain.grant;

import java.time.Instant;

/**
 * The refresh tokens issued from one authorization-code exchange: {@code generation} is the number
 * of the one token of the chain that is valid now; {@code issuedAt} is when it was issued (the
 * moment its predecessor was spent), {@code expiresAt} when it stops working; {@code dpopJkt} the
 * thumbprint of the DPoP key every refresh must prove (a public client's chain, RFC 9449 §5), or null.
 */
public record RefreshChain(
        long id, long grantId, long generation, String scopes, Instant issuedAt, Instant expiresAt, String dpopJkt) {

    /** Whether the presented generation is the current one. */
    public boolean isCurrent(long presentedGeneration) {
        return presentedGeneration == generation;
    }
}
