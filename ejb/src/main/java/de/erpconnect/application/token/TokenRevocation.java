package de.erpconnect.application.token;

import de.erpconnect.application.grant.GrantLedger;
import de.erpconnect.domain.client.ClientCredentials;
import de.erpconnect.domain.client.ClientProof;
import de.erpconnect.domain.grant.GrantFacts;
import de.erpconnect.domain.grant.RefreshTokenLookup;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.token.OAuthError;
import de.erpconnect.domain.token.OAuthException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Token revocation (RFC 7009), one call per request: the client authenticates as at the token
 * endpoint; an access token goes on the deny list until it expires, a refresh token revokes its
 * grant and with it every token issued from it. Tokens of another client are refused; unknown,
 * expired or malformed ones are not an error (§2.2).
 */
@Stateless
@PermitAll
public class TokenRevocation {

    @Inject
    ClientAuthentication clientAuthentication;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    GrantLedger ledger;

    /**
     * Revokes {@code token} (the client is authenticated first, RFC 7009 §2.1): {@code accessToken}
     * is what the web layer verified of it when it is an access token (null when it is not one, or
     * not a valid one).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void revoke(
            ClientProof proof,
            String remoteAddress,
            String token,
            String tokenTypeHint,
            VerifiedAccessToken accessToken) {
        ClientCredentials client = clientAuthentication.authenticate(RealmId.ERP, proof, remoteAddress);
        if (token == null) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "The parameter token is missing.");
        }
        if (tokenTypeHint != null && !tokenTypeHint.equals("access_token") && !tokenTypeHint.equals("refresh_token")) {
            throw new OAuthException(
                    OAuthError.UNSUPPORTED_TOKEN_TYPE, "token_type_hint is access_token or refresh_token.");
        }
        if (accessToken != null) {
            ClientAuthentication.requireOwnToken(client, accessToken.clientId());
            ledger.revokeAccessToken(accessToken.jwtId(), accessToken.expiresAt());
            return;
        }
        Optional<RefreshTokenLookup> lookup = refreshTokens.lookup(token);
        if (lookup.isEmpty()) {
            return;
        }
        GrantFacts grant = lookup.get().grant();
        ClientAuthentication.requireOwnToken(client, grant.clientId());
        ledger.revokeGrant(
                grant.id(),
                "refresh token revoked by the client",
                client.clientId().value());
    }
}
