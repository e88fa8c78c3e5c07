package de.erpconnect.domain.cluster;

import java.time.Instant;

/**
 * The cluster's log of changes to cached state (DESIGN §11): a node that changes users,
 * applications, grants, keys, the licence or the services appends an entry in the transaction of
 * the change; every node compares the newest entry with the last one it saw before it serves a
 * request, and drops its caches when another node changed something.
 */
public interface CacheInvalidationLog {

    /** Appends an entry (in the caller's transaction, so only committed changes are announced). */
    void append(String what, Instant at);

    /** The id of the newest entry, 0 when there is none. */
    long latestId();

    /** Deletes entries older than {@code cutoff}; returns how many. */
    int deleteOlderThan(Instant cutoff);
}
