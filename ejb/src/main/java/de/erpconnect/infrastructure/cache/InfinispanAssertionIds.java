package de.erpconnect.infrastructure.cache;

import de.erpconnect.domain.client.AssertionIds;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.time.Instant;
import java.util.concurrent.ConcurrentMap;

/**
 * Client assertion ids in the server's Infinispan cache {@code erpconnect/client-assertions}
 * ({@code wildfly-config/65-caches.cli}), as the DPoP proof ids: entries expire after 120 s,
 * longer than an assertion is accepted (at most 80 s after it was made) plus clock differences
 * between nodes, and are never evicted before. On a cluster node the cache is replicated
 * synchronously and the conditional write is decided by the key's primary owner, so two nodes
 * cannot both accept one assertion; on a single server it is a local cache, and what it forgets in a
 * restart or redeployment is covered by {@link #keptSince()}: {@code ClientAssertions} refuses
 * assertions made before this node's application started. Used through {@link ConcurrentMap} only.
 */
@ApplicationScoped
public class InfinispanAssertionIds implements AssertionIds {

    @Resource(lookup = "java:jboss/infinispan/cache/erpconnect/client-assertions")
    ConcurrentMap<String, Long> seen;

    private Instant keptSince;

    /** Created when the application starts (not at the first assertion): from then on nothing is lost. */
    void onStart(@Observes Startup event) {
        // the observer makes the container create this bean now
    }

    @PostConstruct
    void started() {
        keptSince = Instant.now();
    }

    @Override
    public Instant keptSince() {
        return keptSince;
    }

    @Override
    public boolean firstUse(String realm, String clientId, String jtiHash, Instant expiresAt) {
        return seen.putIfAbsent(realm + ' ' + clientId + ' ' + jtiHash, expiresAt.toEpochMilli()) == null;
    }
}
