package de.erpconnect.interfaces.security;

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

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
