package de.erpconnect.domain.grant;

import java.time.Instant;

/** A stored refresh token (by hash); {@code usedAt} is set when it was rotated. */
public record RefreshTokenRecord(String tokenHash, long grantId, String scopes, Instant expiresAt, Instant usedAt) {}
