package de.erpconnect.application.grant;

import de.erpconnect.application.cluster.ClusterCaches;
import de.erpconnect.application.shared.ExpiringCache;
import de.erpconnect.domain.grant.GrantRepository;
import de.erpconnect.domain.shared.RealmId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the grant behind a token is still usable and whether an access token was revoked —
 * asked on every bearer request, so cached for two seconds and dropped after every revocation
 * made here, which therefore takes effect at once (DESIGN §6).
 */
@ApplicationScoped
public class GrantDirectory {

    static final long TTL_MILLIS = 2_000;

    @Inject
    GrantRepository grants;

    @Inject
    ClusterCaches cluster;

    private final ExpiringCache<Long, Boolean> usable = new ExpiringCache<>(TTL_MILLIS, 50_000);
    private final ExpiringCache<String, Set<String>> revoked = new ExpiringCache<>(TTL_MILLIS, 1);

    @PostConstruct
    void joinCluster() {
        cluster.register(usable::invalidateAll);
        cluster.register(revoked::invalidateAll);
    }

    public boolean isUsable(long grantId) {
        return usable.get(
                        grantId,
                        id -> Optional.of(grants.findById(RealmId.ERP, id)
                                .map(g -> g.isUsable(Instant.now()))
                                .orElse(false)))
                .orElse(false);
    }

    public boolean isRevoked(String jwtId) {
        return jwtId != null
                && revoked.get("all", k -> Optional.of(grants.revokedAccessTokens(Instant.now())))
                        .orElse(Set.of())
                        .contains(jwtId);
    }

    public void invalidate(long grantId) {
        usable.invalidate(grantId);
        cluster.changed("grant");
    }

    /** After many grants changed at once (an application's, say). */
    public void invalidateAll() {
        usable.invalidateAll();
        cluster.changed("grant");
    }

    public void invalidateRevocations() {
        revoked.invalidateAll();
        cluster.changed("revoked-token");
    }
}
