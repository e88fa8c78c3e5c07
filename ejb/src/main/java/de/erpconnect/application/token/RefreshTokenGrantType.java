package de.erpconnect.application.token;

import de.erpconnect.application.grant.GrantLedger;
import de.erpconnect.common.Settings;
import de.erpconnect.domain.client.ClientCredentials;
import de.erpconnect.domain.client.ClientProof;
import de.erpconnect.domain.client.Scope;
import de.erpconnect.domain.grant.GrantFacts;
import de.erpconnect.domain.grant.RefreshChain;
import de.erpconnect.domain.grant.RefreshChainRepository;
import de.erpconnect.domain.grant.RefreshTokenId;
import de.erpconnect.domain.grant.RefreshTokenLookup;
import de.erpconnect.domain.token.OAuthError;
import de.erpconnect.domain.token.OAuthException;
import de.erpconnect.domain.token.ScopeParameter;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The refresh token grant (RFC 6749 §6) with rotation: every refresh token works once and is
 * replaced by the next generation of its chain. An older generation presented again revokes the
 * whole grant (reuse detection, RFC 9700 §4.14) — except the one just spent, retried within
 * {@code erpconnect.oauth.refresh-retry-grace-seconds} by a client whose response got lost on
 * the network: it gets the same successor again. The new refresh token has the scopes of the
 * presented one (§6); {@code scope} narrows only the access token. The grant's absolute lifetime
 * is never extended.
 */
@Stateless
@PermitAll
public class RefreshTokenGrantType {

    @Inject
    ClientAuthentication clientAuthentication;

    @Inject
    AccessTokens accessTokens;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    RefreshChainRepository chains;

    @Inject
    GrantLedger ledger;

    @Inject
    Settings settings;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public CompletionStage<IssuedToken> issue(
            ClientProof proof, String refreshToken, String scopeParameter, String dpopJkt, String remoteAddress) {
        ClientCredentials client = clientAuthentication.authenticateUsable(proof, remoteAddress);
        ClientAuthentication.requireSenderConstraint(client, dpopJkt);
        if (refreshToken == null) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "The parameter refresh_token is missing.");
        }
        RefreshTokenId presented = refreshTokens
                .open(refreshToken)
                .orElseThrow(() -> new OAuthException(OAuthError.INVALID_GRANT, "The refresh token is invalid."));
        // one query: the chain and its grant's facts, fresh (a revocation elsewhere counts at once)
        RefreshTokenLookup lookup = refreshTokens
                .lookup(presented)
                .orElseThrow(() -> new OAuthException(OAuthError.INVALID_GRANT, "The refresh token is invalid."));
        RefreshChain chain = lookup.chain();
        GrantFacts grant = lookup.grant();
        if (!grant.clientId().equals(client.clientId().value())) {
            throw new OAuthException(OAuthError.INVALID_GRANT, "The refresh token was issued to another client.");
        }
        Instant now = Instant.now();
        if (!grant.isUsable(now)) {
            throw new OAuthException(OAuthError.INVALID_GRANT, "The grant was revoked or has expired.");
        }
        if (chain.dpopJkt() != null && !chain.dpopJkt().equals(dpopJkt)) {
            // RFC 9449 §5: a bound refresh token is used only with a proof of its key — checked before
            // reuse detection on purpose: whoever lacks the key cannot revoke the grant by replaying
            throw new OAuthException(
                    dpopJkt == null ? OAuthError.INVALID_DPOP_PROOF : OAuthError.INVALID_GRANT,
                    dpopJkt == null
                            ? "The refresh token is bound to a DPoP key: send a DPoP proof of that key."
                            : "The refresh token is bound to another DPoP key.");
        }
        if (!chain.isCurrent(presented.generation())) {
            // known reuse: decided before anything but the DPoP binding can refuse the request
            String successor = successorOfRetry(grant, chain, presented.generation(), now);
            return CompletableFuture.completedFuture(accessTokens
                    .forGrant(client, grant, narrowed(chain, scopeParameter), now, dpopJkt)
                    .with(successor));
        }
        if (!now.isBefore(chain.expiresAt())) {
            throw new OAuthException(OAuthError.INVALID_GRANT, "The refresh token expired.");
        }
        // the access token is signed before the rotation is committed, so that nothing but
        // sealing the refresh token is left for the thread that commits it (RefreshChainRepository)
        AccessTokens.SignedAccessToken access =
                accessTokens.forGrant(client, grant, narrowed(chain, scopeParameter), now, dpopJkt);
        // one conditional UPDATE, committed before the answer (no transaction around this method;
        // concurrent refreshes share a commit), decides concurrent uses: one advances the chain,
        // the others find it advanced and count as retries
        return chains.advance(chain.id(), presented.generation(), now, RefreshTokens.expiry(client, grant, now))
                .thenApply(advanced -> {
                    if (advanced) {
                        if (lookup.grantUseToNote(now)) {
                            chains.touchGrant(grant.id(), now);
                        }
                        return access.with(
                                refreshTokens.seal(new RefreshTokenId(chain.id(), presented.generation() + 1)));
                    }
                    RefreshChain advancedChain = chains.find(chain.id())
                            .orElseThrow(() ->
                                    new OAuthException(OAuthError.INVALID_GRANT, "The refresh token is invalid."));
                    return access.with(successorOfRetry(grant, advancedChain, presented.generation(), now));
                });
    }

    /**
     * A spent generation presented again: the one spent last, within the retry grace after it was
     * spent, gets the current token of the chain again; anything else revokes the whole grant.
     */
    private String successorOfRetry(GrantFacts grant, RefreshChain chain, long presented, Instant now) {
        boolean justSpent = presented == chain.generation() - 1
                && !chain.issuedAt()
                        .plusSeconds(settings.refreshRetryGraceSeconds())
                        .isBefore(now);
        if (!justSpent) {
            ledger.revokeGrant(grant.id(), "refresh token used twice", null);
            throw new OAuthException(
                    OAuthError.INVALID_GRANT, "The refresh token was already used; the grant is revoked.");
        }
        if (!now.isBefore(chain.expiresAt())) {
            throw new OAuthException(OAuthError.INVALID_GRANT, "The refresh token expired.");
        }
        return refreshTokens.seal(new RefreshTokenId(chain.id(), chain.generation()));
    }

    /** The scopes of the access token: the chain's, or the requested subset of them. */
    private static Set<Scope> narrowed(RefreshChain chain, String scopeParameter) {
        Set<Scope> stored = Scope.parseStored(chain.scopes());
        Set<Scope> requested = ScopeParameter.parse(scopeParameter);
        for (Scope s : requested) {
            if (!stored.contains(s)) {
                throw new OAuthException(OAuthError.INVALID_SCOPE, "The scope '" + s.wireName() + "' was not granted.");
            }
        }
        return requested.isEmpty() ? stored : requested;
    }
}
