package de.erpconnect.application.token;

import de.erpconnect.domain.client.ClientCredentials;
import de.erpconnect.domain.client.ClientProof;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.token.OAuthError;
import de.erpconnect.domain.token.OAuthException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * Token introspection (RFC 7662), one call per request: the client authenticates as at the token
 * endpoint and learns about its own tokens only. An access token the web layer verified is active
 * while its subject may still use it ({@link BearerCallers}); a refresh token while it is its
 * chain's current one, unexpired, and its grant usable. Everything else is inactive.
 */
@Stateless
@PermitAll
public class TokenIntrospection {

    @Inject
    ClientAuthentication clientAuthentication;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    BearerCallers bearerCallers;

    /** An active refresh token as introspection reports it. */
    public record ActiveRefreshToken(String clientId, String scope, String subject, Instant expiresAt) {}

    /** Whether a verified access token is active for the client that presents it. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean accessTokenActive(ClientProof proof, String remoteAddress, VerifiedAccessToken token) {
        ClientCredentials client = clientAuthentication.authenticate(RealmId.ERP, proof, remoteAddress);
        return client.clientId().value().equals(token.clientId())
                && bearerCallers.bearerCaller(token).isPresent();
    }

    /** Any other token: active only as a current refresh token of the client that presents it. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<ActiveRefreshToken> refreshToken(ClientProof proof, String remoteAddress, String token) {
        ClientCredentials client = clientAuthentication.authenticate(RealmId.ERP, proof, remoteAddress);
        if (token == null) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "The parameter token is missing.");
        }
        Instant now = Instant.now();
        return refreshTokens
                .open(token)
                .flatMap(id -> refreshTokens.lookup(id).filter(l -> l.chain().isCurrent(id.generation())))
                .filter(l -> now.isBefore(l.chain().expiresAt()))
                .filter(l -> l.grant().isUsable(now))
                .filter(l -> l.grant().clientId().equals(client.clientId().value()))
                .map(l -> new ActiveRefreshToken(
                        client.clientId().value(),
                        l.chain().scopes(),
                        l.grant().userLogin(),
                        l.chain().expiresAt()));
    }
}
