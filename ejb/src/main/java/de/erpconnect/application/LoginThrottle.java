package de.erpconnect.application;

import de.erpconnect.domain.cluster.LoginFailureStore;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.infrastructure.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Brute-force protection (DESIGN §6): failed client authentications and logins are counted per
 * (client or user, remote address); from the fifth failure on, that pair is locked out for a time
 * that doubles with every further failure (1 s, 2 s, 4 s … at most 15 minutes). Because the remote
 * address is part of the key, nobody can lock a partner app out by knowing its public client id.
 * Locked requests are refused at once (429 with Retry-After) — no thread ever sleeps. A single
 * node counts in memory; a cluster ({@code ERPCONNECT_CLUSTER=true}) counts in the database, so
 * failures on every node add up.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int FREE_FAILURES = 4;
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    static final int MAX_ENTRIES = 100_000;

    @Inject
    EventLog events;

    @Inject
    Settings settings;

    @Inject
    LoginFailureStore shared;

    private record State(int failures, Instant lockedUntil, Instant lastFailure) {}

    /** A locked (subject, address) pair as the admin API shows it. */
    public record Lockout(String kind, String subject, String remoteAddress, int failures, Instant lockedUntil) {}

    private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();

    /** How long the pair is still locked, if it is. */
    public Optional<Duration> lockedFor(String kind, String subject, String remoteAddress) {
        State s = settings.clustered()
                ? shared.find(kind, subject, remoteAddress)
                        .map(f -> new State(f.failures(), f.lockedUntil(), f.lastFailure()))
                        .orElse(null)
                : states.get(key(kind, subject, remoteAddress));
        Instant now = Instant.now();
        if (s == null || s.lockedUntil == null || !now.isBefore(s.lockedUntil)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, s.lockedUntil));
    }

    public void failed(String kind, String subject, String remoteAddress) {
        Instant now = Instant.now();
        if (settings.clustered()) {
            int failures = shared.countFailure(kind, subject, remoteAddress, now, now.minus(FORGET_AFTER));
            Instant until = lockUntil(failures, now);
            if (until != null) {
                shared.lockUntil(kind, subject, remoteAddress, until);
                recordLockout(kind, subject, remoteAddress, failures, until);
            }
            return;
        }
        if (states.size() > MAX_ENTRIES) {
            states.values().removeIf(s -> s.lastFailure.plus(FORGET_AFTER).isBefore(now));
        }
        State updated = states.compute(key(kind, subject, remoteAddress), (k, s) -> {
            int failures = (s == null || s.lastFailure.plus(FORGET_AFTER).isBefore(now)) ? 1 : s.failures + 1;
            return new State(failures, lockUntil(failures, now), now);
        });
        if (updated.lockedUntil != null) {
            recordLockout(kind, subject, remoteAddress, updated.failures, updated.lockedUntil);
        }
    }

    /** From the fifth failure on: 1 s, 2 s, 4 s … at most {@link #MAX_LOCK}; null while still free. */
    private static Instant lockUntil(int failures, Instant now) {
        if (failures <= FREE_FAILURES) {
            return null;
        }
        long seconds = Math.min(MAX_LOCK.toSeconds(), 1L << Math.min(20, failures - FREE_FAILURES - 1));
        return now.plusSeconds(seconds);
    }

    private void recordLockout(String kind, String subject, String remoteAddress, int failures, Instant until) {
        events.recordIndependently(
                RealmId.ERP,
                EventType.LOCKOUT,
                null,
                remoteAddress,
                "After " + failures + " failed attempts, " + kind + " '" + subject + "' from " + remoteAddress
                        + " is locked until " + until + ".");
    }

    public void succeeded(String kind, String subject, String remoteAddress) {
        if (settings.clustered()) {
            shared.clear(kind, subject, remoteAddress);
            return;
        }
        if (!states.isEmpty()) {
            states.remove(key(kind, subject, remoteAddress));
        }
    }

    public List<Lockout> lockouts() {
        Instant now = Instant.now();
        if (settings.clustered()) {
            return shared.lockedAt(now).stream()
                    .map(f -> new Lockout(f.kind(), f.subject(), f.remoteAddress(), f.failures(), f.lockedUntil()))
                    .toList();
        }
        return states.entrySet().stream()
                .filter(e -> e.getValue().lockedUntil != null && now.isBefore(e.getValue().lockedUntil))
                .map(e -> {
                    String[] parts = e.getKey().split("\n", 3);
                    return new Lockout(parts[0], parts[1], parts[2], e.getValue().failures, e.getValue().lockedUntil);
                })
                .sorted(Comparator.comparing(Lockout::lockedUntil).reversed())
                .toList();
    }

    /** Forgets the failures of one client or user from every address (its erasure). */
    public void forget(String kind, String subject) {
        if (settings.clustered()) {
            shared.clearSubject(kind, subject);
            return;
        }
        String prefix = key(kind, subject, "");
        states.keySet().removeIf(k -> k.startsWith(prefix));
    }

    /** Clears every pair's failures (the admin's "unlock"), written to the event log. */
    public void unlockAll(String actor) {
        int pairs;
        if (settings.clustered()) {
            pairs = shared.clearAll();
        } else {
            pairs = states.size();
            states.clear();
        }
        events.recordIndependently(
                RealmId.ERP,
                EventType.LOCKOUTS_CLEARED,
                actor,
                null,
                "The failure counters and lockouts of " + pairs + " client/user and address pairs were cleared.");
    }

    private static String key(String kind, String subject, String remoteAddress) {
        return kind + "\n" + (subject == null ? "" : subject) + "\n" + (remoteAddress == null ? "" : remoteAddress);
    }
}
