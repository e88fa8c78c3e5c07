package de.erpconnect.domain.grant;

import java.time.Instant;

/** A stored authorization code (by hash): what the token request must match. */
public record AuthorizationCodeRecord(
        String codeHash,
        long grantId,
        String redirectUri,
        String codeChallenge,
        String scopes,
        Instant expiresAt,
        Instant consumedAt) {}
