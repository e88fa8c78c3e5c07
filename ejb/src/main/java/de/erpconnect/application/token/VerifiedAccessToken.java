package de.erpconnect.application.token;

import java.time.Instant;

/**
 * What revocation and introspection need of an access token whose signature, issuer, audience,
 * type and expiry the web layer verified ({@code AccessTokenVerifier}): whose it is and which one.
 */
public record VerifiedAccessToken(String clientId, String subject, String jwtId, Long grantId, Instant expiresAt) {}
