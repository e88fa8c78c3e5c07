package de.erpconnect.application.token;

import java.time.Instant;

/**
 * What revocation and introspection need of an access token whose signature, issuer, audience,
 * type and expiry the web layer verified ({@code AccessTokenVerifier}): whose it is and which one,
 * when it was issued ({@code issuedAt}, epoch seconds) and whether it is bound to a DPoP key.
 */
public record VerifiedAccessToken(
        String clientId,
        String subject,
        String jwtId,
        Long grantId,
        long issuedAt,
        Instant expiresAt,
        boolean dpopBound) {}
