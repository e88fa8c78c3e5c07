package de.erpconnect.application.cluster;

import de.erpconnect.application.shared.AfterCommit;
import de.erpconnect.common.Settings;
import de.erpconnect.domain.cluster.CacheInvalidationLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the caches of the nodes of a cluster in step (DESIGN §11). Every change that drops a cache
 * here is also appended to the database's invalidation log, in the change's transaction; before
 * every request each node compares the newest log entry with the last one it saw and, when another
 * node changed something, drops all its caches — so a revocation, deactivation or key rotation on
 * one node holds on every other node from its next request on. One indexed query per request, and
 * only when clustered; a single node needs none of it.
 */
@ApplicationScoped
public class ClusterCaches {

    @Inject
    Settings settings;

    @Inject
    CacheInvalidationLog log;

    @Inject
    AfterCommit afterCommit;

    private final List<Runnable> caches = new CopyOnWriteArrayList<>();
    private final AtomicLong seen = new AtomicLong(-1);

    /** A cache to drop when another node changed something. */
    public void register(Runnable dropAll) {
        caches.add(dropAll);
    }

    /**
     * Announces a change: to the other nodes (joins the current transaction), and on this node every
     * registered cache is dropped after the commit — also those that cannot tell which entries the
     * change concerns (the Basic-authentication cache after a password change).
     */
    public void changed(String what) {
        if (settings.clustered()) {
            log.append(what, Instant.now());
        }
        afterCommit.run(this::dropAll);
    }

    private void dropAll() {
        caches.forEach(Runnable::run);
    }

    /** Drops every registered cache when the log holds a change this node has not seen yet. */
    public void catchUp() {
        if (!settings.clustered()) {
            return;
        }
        long latest = log.latestId();
        long previous = seen.getAndAccumulate(latest, Math::max);
        if (latest > previous) {
            dropAll();
        }
    }
}
