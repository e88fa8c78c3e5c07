package de.erpconnect.domain.grant;

import de.erpconnect.domain.client.ClientApplication;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.user.User;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Grants, their authorization codes and revoked access-token ids (refresh chains:
 * {@link RefreshChainRepository}). The
 * single-use rules are conditional updates: exactly one caller gets {@code true}.
 */
public interface GrantRepository {

    void add(Grant grant);

    Optional<Grant> findById(RealmId realm, long id);

    default Grant getById(RealmId realm, long id) {
        return findById(realm, id).orElseThrow(() -> new GrantNotFoundException(id));
    }

    /** Remembered, usable grants of a user for an application, newest first. */
    List<Grant> findRemembered(User user, ClientApplication application, Instant now);

    List<Grant> search(
            RealmId realm, String userLogin, Long applicationId, boolean includeRevoked, int offset, int limit);

    long count(RealmId realm, String userLogin, Long applicationId, boolean includeRevoked);

    /** Revokes the grant if it is not revoked yet; true for exactly one caller. */
    boolean revoke(long grantId, String reason, Instant now);

    /** Revokes every grant of an application that is not revoked yet; returns how many. */
    int revokeAllOf(long applicationId, String reason, Instant now);

    /**
     * Stores a code; with an {@code authorizationRequest} (the consent page's request id) only if
     * that request has no code yet. False when it has: the database decides, also between nodes.
     * {@code ConcurrentChangeException} when the other code of the request is not committed yet
     * (H2 refuses at once where PostgreSQL waits): asking again decides.
     */
    boolean storeCode(AuthorizationCodeRecord code, String authorizationRequest);

    Optional<AuthorizationCodeRecord> findCode(String codeHash);

    /** Marks the code consumed if nobody did before; true for exactly one caller. */
    boolean consumeCode(String codeHash, Instant now);

    void revokeAccessToken(String jwtId, Instant expiresAt);

    /** Ids of revoked access tokens that have not expired yet. */
    Set<String> revokedAccessTokens(Instant now);
}
