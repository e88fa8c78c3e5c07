package de.erpconnect.interfaces.security;

import de.erpconnect.application.token.VerifiedAccessToken;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * An access token whose signature, type, issuer, audience and expiry have been checked;
 * {@code grantId} is set for tokens of the authorization-code flow.
 */
public record VerifiedToken(
        JsonWebToken jwt,
        String subject,
        String clientId,
        Set<String> scopes,
        long expiresAtEpochSecond,
        String jwtId,
        Long grantId) {

    /** What revocation and introspection need of it. */
    public VerifiedAccessToken facts() {
        return new VerifiedAccessToken(clientId, subject, jwtId, grantId, Instant.ofEpochSecond(expiresAtEpochSecond));
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
