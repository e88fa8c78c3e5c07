package de.erpconnect.application.user;

import de.erpconnect.domain.cluster.LoginFailureStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The failure counters of a single node, in memory (no bean: {@link LoginThrottle} holds it and uses
 * the database's store instead when clustered). Bounded: past {@link #MAX_ENTRIES} the forgotten
 * counters are dropped.
 */
final class LocalLoginFailures implements LoginFailureStore {

    static final int MAX_ENTRIES = 100_000;

    private final ConcurrentHashMap<String, Failures> counters = new ConcurrentHashMap<>();

    @Override
    public Optional<Failures> find(String kind, String subject, String remoteAddress) {
        return counters.isEmpty()
                ? Optional.empty()
                : Optional.ofNullable(counters.get(key(kind, subject, remoteAddress)));
    }

    @Override
    public int countFailure(String kind, String subject, String remoteAddress, Instant now, Instant forgetBefore) {
        if (counters.size() > MAX_ENTRIES) {
            deleteOlderThan(forgetBefore);
        }
        return counters.compute(
                        key(kind, subject, remoteAddress),
                        (k, f) -> f == null || f.lastFailure().isBefore(forgetBefore)
                                ? new Failures(kind, subject, remoteAddress, 1, null, now)
                                : new Failures(kind, subject, remoteAddress, f.failures() + 1, f.lockedUntil(), now))
                .failures();
    }

    @Override
    public void lockUntil(String kind, String subject, String remoteAddress, Instant until) {
        counters.computeIfPresent(
                key(kind, subject, remoteAddress),
                (k, f) -> f.lockedUntil() != null && !f.lockedUntil().isBefore(until)
                        ? f
                        : new Failures(f.kind(), f.subject(), f.remoteAddress(), f.failures(), until, f.lastFailure()));
    }

    @Override
    public void clear(String kind, String subject, String remoteAddress) {
        if (!counters.isEmpty()) {
            counters.remove(key(kind, subject, remoteAddress));
        }
    }

    @Override
    public void clearSubject(String kind, String subject) {
        String prefix = key(kind, subject, "");
        counters.keySet().removeIf(k -> k.startsWith(prefix));
    }

    @Override
    public int clearAll() {
        int pairs = counters.size();
        counters.clear();
        return pairs;
    }

    @Override
    public List<Failures> lockedAt(Instant now) {
        return counters.values().stream()
                .filter(f -> f.lockedUntil() != null && now.isBefore(f.lockedUntil()))
                .sorted(Comparator.comparing(Failures::lockedUntil).reversed())
                .toList();
    }

    @Override
    public int deleteOlderThan(Instant cutoff) {
        int before = counters.size();
        counters.values()
                .removeIf(f -> f.lastFailure().isBefore(cutoff)
                        && (f.lockedUntil() == null || f.lockedUntil().isBefore(cutoff)));
        return before - counters.size();
    }

    private static String key(String kind, String subject, String remoteAddress) {
        return kind + "\n" + (subject == null ? "" : subject) + "\n" + (remoteAddress == null ? "" : remoteAddress);
    }
}
