package de.erpconnect.domain.grant;

import de.erpconnect.domain.shared.RealmId;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Refresh chains. Called within a transaction, the calls join it; called outside one, each write
 * is committed before the call returns — the token endpoint's rotation is a single conditional
 * UPDATE (concurrent rotations may share one commit).
 */
public interface RefreshChainRepository {

    /**
     * Starts a refresh chain of the grant at generation 1, bound to the DPoP key with thumbprint
     * {@code dpopJkt} (null: not bound); returns the chain's id.
     */
    long start(long grantId, String scopes, Instant issuedAt, Instant expiresAt, String dpopJkt);

    Optional<RefreshChain> find(long chainId);

    /** The refresh chain of the realm with its grant's facts, in one query. */
    Optional<RefreshTokenLookup> findWithGrant(RealmId realm, long chainId);

    /**
     * Moves the chain from the presented generation to the next one if nobody did before; true for
     * exactly one caller, once committed. Outside a transaction the stage may complete later, on
     * the thread that commits the rotation, so what depends on it must be short.
     */
    CompletionStage<Boolean> advance(long chainId, long presentedGeneration, Instant issuedAt, Instant expiresAt);

    /**
     * Notes the grant's use, at most once a minute (when it was last noted more than a minute ago),
     * so that concurrent refreshes do not contend.
     */
    void touchGrant(long grantId, Instant now);
}
