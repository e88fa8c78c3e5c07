package de.erpconnect.interfaces.security;

import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** An access token whose signature, type, issuer, audience and expiry have been checked. */
public record VerifiedToken(
        JsonWebToken jwt, String subject, String clientId, Set<String> scopes, long expiresAtEpochSecond) {

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
