package de.erpconnect.domain.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the brute-force counters per (kind, subject, remote address) are kept: in memory on a single
 * node, in the database for a cluster — there one row per pair, counted up by a single conditional
 * statement, so concurrent failures on several nodes are never lost.
 */
public interface LoginFailureStore {

    /** A failure older than this is forgotten: counting starts again, and housekeeping deletes it. */
    Duration FORGET_AFTER = Duration.ofHours(1);

    /** A counter as stored. */
    record Failures(
            String kind,
            String subject,
            String remoteAddress,
            int failures,
            Instant lockedUntil,
            Instant lastFailure) {}

    Optional<Failures> find(String kind, String subject, String remoteAddress);

    /**
     * Counts one failure (starting again at 1 when the last one is older than {@code forgetBefore})
     * and returns the new count.
     */
    int countFailure(String kind, String subject, String remoteAddress, Instant now, Instant forgetBefore);

    void lockUntil(String kind, String subject, String remoteAddress, Instant until);

    void clear(String kind, String subject, String remoteAddress);

    /** Clears the counters of one subject from every address. */
    void clearSubject(String kind, String subject);

    /** Clears every counter; returns how many there were. */
    int clearAll();

    List<Failures> lockedAt(Instant now);

    int deleteOlderThan(Instant cutoff);
}
