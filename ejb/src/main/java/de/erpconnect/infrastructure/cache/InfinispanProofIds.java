package de.erpconnect.infrastructure.cache;

import de.erpconnect.domain.token.ProofIds;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentMap;

/**
 * DPoP proof ids in the server's Infinispan cache {@code erpconnect/dpop-proofs}
 * ({@code wildfly-config/65-caches.cli}): entries expire after 120 s, longer than a proof is
 * accepted (70 s) plus clock differences between nodes, and are never evicted before. On a cluster node the cache is replicated synchronously and a conditional write is
 * decided by the key's primary owner, so two nodes cannot both accept one proof; on a single server
 * it is a local cache. Used through {@link ConcurrentMap} only, so the application needs no
 * Infinispan API.
 */
@ApplicationScoped
public class InfinispanProofIds implements ProofIds {

    @Resource(lookup = "java:jboss/infinispan/cache/erpconnect/dpop-proofs")
    ConcurrentMap<String, Long> seen;

    @Override
    public boolean firstUse(String jtiHash) {
        return seen.putIfAbsent(jtiHash, System.currentTimeMillis()) == null;
    }
}
