package de.erpconnect.application.token;

import de.erpconnect.application.grant.GrantLedger;
import de.erpconnect.domain.client.ClientCredentials;
import de.erpconnect.domain.client.ClientProof;
import de.erpconnect.domain.client.ClientType;
import de.erpconnect.domain.client.Scope;
import de.erpconnect.domain.grant.AuthorizationCodeRecord;
import de.erpconnect.domain.grant.Grant;
import de.erpconnect.domain.grant.GrantFacts;
import de.erpconnect.domain.grant.GrantRepository;
import de.erpconnect.domain.grant.OpaqueToken;
import de.erpconnect.domain.grant.Pkce;
import de.erpconnect.domain.grant.RefreshTokenId;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.token.OAuthError;
import de.erpconnect.domain.token.OAuthException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;

/**
 * The authorization code grant (RFC 6749 §4.1.3) with PKCE verification (RFC 7636 §4.6). The code
 * is consumed first, in its own transaction, so it is single-use even under concurrent redemption;
 * a replayed code revokes the grant and thereby every token issued from it (RFC 6749 §4.1.2). With
 * {@code offline_access} the answer starts the grant's refresh chain.
 */
@Stateless
@PermitAll
public class AuthorizationCodeGrantType {

    @Inject
    ClientAuthentication clientAuthentication;

    @Inject
    GrantRepository grants;

    @Inject
    GrantLedger ledger;

    @Inject
    AccessTokens accessTokens;

    @Inject
    RefreshTokens refreshTokens;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public IssuedToken issue(
            ClientProof proof,
            String code,
            String redirectUri,
            String codeVerifier,
            String dpopJkt,
            String remoteAddress) {
        ClientCredentials client = clientAuthentication.authenticateUsable(proof, remoteAddress);
        ClientAuthentication.requireSenderConstraint(client, dpopJkt);
        if (code == null || redirectUri == null) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "The parameters code and redirect_uri are required.");
        }
        if (codeVerifier == null) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "The code_verifier is required (PKCE).");
        }
        if (!OpaqueToken.isWellFormed(code)) {
            throw new OAuthException(OAuthError.INVALID_GRANT, "The authorization code is invalid.");
        }
        String hash = OpaqueToken.hash(code);
        AuthorizationCodeRecord record = grants.findCode(hash)
                .orElseThrow(() -> new OAuthException(OAuthError.INVALID_GRANT, "The authorization code is invalid."));
        // the grant as it stands before this redemption: a concurrent replay of the same code revokes
        // it only after this redemption consumed the code (its tokens then stop at once anyway)
        Grant grant = grants.getById(RealmId.ERP, record.grantId());
        if (!ledger.consumeCode(hash)) {
            ledger.revokeGrant(record.grantId(), "authorization code used twice", null);
            throw new OAuthException(
                    OAuthError.INVALID_GRANT,
                    "The authorization code was already used; the tokens issued from it are revoked.");
        }
        Instant now = Instant.now();
        if (!grant.getApplication().getClientId().equals(client.clientId())) {
            throw new OAuthException(OAuthError.INVALID_GRANT, "The authorization code was issued to another client.");
        }
        if (!now.isBefore(record.expiresAt())) {
            throw new OAuthException(OAuthError.INVALID_GRANT, "The authorization code expired.");
        }
        if (!grant.isUsable(now) || (client.fapi2() && grant.getCreatedAt().isBefore(client.fapi2Since()))) {
            // revoked meanwhile, or granted on a request of before the FAPI 2.0 switch (a consent in flight)
            throw new OAuthException(OAuthError.INVALID_GRANT, "The grant of this code was revoked.");
        }
        if (!record.redirectUri().equals(redirectUri)) {
            throw new OAuthException(
                    OAuthError.INVALID_GRANT, "The redirect_uri differs from the authorization request.");
        }
        if (!Pkce.verify(codeVerifier, record.codeChallenge())) {
            throw new OAuthException(OAuthError.INVALID_GRANT, "The code_verifier does not match the code_challenge.");
        }
        GrantFacts facts = grant.facts();
        Set<Scope> scopes = Scope.parseStored(record.scopes());
        // the user is checked (and the token signed) before the refresh chain is stored
        AccessTokens.SignedAccessToken access = accessTokens.forGrant(client, facts, scopes, now, dpopJkt);
        if (!scopes.contains(Scope.OFFLINE_ACCESS)) {
            return access.with(null);
        }
        // a public client's refresh tokens are bound to the DPoP key too (RFC 9449 §5); a
        // confidential client's are bound to the client by its authentication
        String chainJkt = client.clientType() == ClientType.PUBLIC ? dpopJkt : null;
        long chain = ledger.startRefreshChain(
                facts.id(), Scope.join(scopes), now, RefreshTokens.expiry(client, facts, now), chainJkt);
        return access.with(refreshTokens.seal(new RefreshTokenId(chain, 1)));
    }
}
