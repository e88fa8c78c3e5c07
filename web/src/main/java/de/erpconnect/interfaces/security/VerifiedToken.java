package de.erpconnect.interfaces.security;

import de.erpconnect.application.token.VerifiedAccessToken;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * An access token whose signature, type, issuer, audience and expiry have been checked;
 * {@code grantId} is set for tokens of the authorization-code flow, {@code jkt} (the thumbprint of
 * {@code cnf}, RFC 9449 §6.1) for tokens bound to a DPoP key.
 */
public record VerifiedToken(
        JsonWebToken jwt,
        String subject,
        String clientId,
        Set<String> scopes,
        long expiresAtEpochSecond,
        String jwtId,
        Long grantId,
        String jkt) {

    /** What revocation and introspection need of it. */
    public VerifiedAccessToken facts() {
        return new VerifiedAccessToken(
                clientId,
                subject,
                jwtId,
                grantId,
                jwt.getIssuedAtTime(),
                Instant.ofEpochSecond(expiresAtEpochSecond),
                dpopBound());
    }

    /** Whether the token is bound to a DPoP key: it is used only with a proof of that key. */
    public boolean dpopBound() {
        return jkt != null;
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
