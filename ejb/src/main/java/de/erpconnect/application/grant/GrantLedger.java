package de.erpconnect.application.grant;

import de.erpconnect.application.event.EventLog;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.domain.grant.GrantRepository;
import de.erpconnect.domain.grant.RefreshChainRepository;
import de.erpconnect.domain.shared.RealmId;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * The writes of the token endpoint, each in a transaction of its own that commits before the
 * request goes on: a consumed code stays consumed and a revoked grant stays revoked even when the
 * request that found out then fails (and rolls back what it did itself). All are conditional
 * updates, so concurrent callers never conflict — exactly one of them wins.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class GrantLedger {

    @Inject
    GrantRepository grants;

    @Inject
    RefreshChainRepository chains;

    @Inject
    GrantDirectory directory;

    @Inject
    EventLog events;

    /** Redeems a code: true for exactly one caller, however many try at once. */
    public boolean consumeCode(String codeHash) {
        return grants.consumeCode(codeHash, Instant.now());
    }

    /** Starts the refresh chain of a code exchange (generation 1); returns the chain's id. */
    public long startRefreshChain(long grantId, String scopes, Instant issuedAt, Instant expiresAt, String dpopJkt) {
        long chainId = chains.start(grantId, scopes, issuedAt, expiresAt, dpopJkt);
        chains.touchGrant(grantId, issuedAt);
        return chainId;
    }

    /** Revokes a grant once; every token issued from it stops working at once. */
    public void revokeGrant(long grantId, String reason, String actor) {
        if (grants.revoke(grantId, reason, Instant.now())) {
            directory.invalidate(grantId);
            grants.findById(RealmId.ERP, grantId)
                    .ifPresent(g -> events.record(
                            RealmId.ERP,
                            EventType.GRANT_REVOKED,
                            actor,
                            null,
                            "Grant " + g.getId() + " of user '" + g.getUser().getLogin() + "' for application '"
                                    + g.getApplication().getName() + "' revoked: " + reason + "."));
        }
    }

    public void revokeAccessToken(String jwtId, Instant expiresAt) {
        grants.revokeAccessToken(jwtId, expiresAt);
        directory.invalidateRevocations();
    }
}
