package de.erpconnect.application;

import de.erpconnect.domain.event.EventType;
import de.erpconnect.domain.shared.RealmId;
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
 * Locked requests are refused at once (429 with Retry-After) — no thread ever sleeps.
 */
@ApplicationScoped
public class LoginThrottle {

    static final int FREE_FAILURES = 4;
    static final Duration MAX_LOCK = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    static final int MAX_ENTRIES = 100_000;

    @Inject
    EventLog events;

    private record State(int failures, Instant lockedUntil, Instant lastFailure) {}

    /** A locked (subject, address) pair as the admin API shows it. */
    public record Lockout(String kind, String subject, String remoteAddress, int failures, Instant lockedUntil) {}

    private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();

    /** How long the pair is still locked, if it is. */
    public Optional<Duration> lockedFor(String kind, String subject, String remoteAddress) {
        State s = states.get(key(kind, subject, remoteAddress));
        Instant now = Instant.now();
        if (s == null || s.lockedUntil == null || !now.isBefore(s.lockedUntil)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, s.lockedUntil));
    }

    public void failed(String kind, String subject, String remoteAddress) {
        Instant now = Instant.now();
        if (states.size() > MAX_ENTRIES) {
            states.values().removeIf(s -> s.lastFailure.plus(FORGET_AFTER).isBefore(now));
        }
        State updated = states.compute(key(kind, subject, remoteAddress), (k, s) -> {
            int failures = (s == null || s.lastFailure.plus(FORGET_AFTER).isBefore(now)) ? 1 : s.failures + 1;
            Instant until = null;
            if (failures > FREE_FAILURES) {
                long seconds = Math.min(MAX_LOCK.toSeconds(), 1L << Math.min(20, failures - FREE_FAILURES - 1));
                until = now.plusSeconds(seconds);
            }
            return new State(failures, until, now);
        });
        if (updated.lockedUntil != null) {
            events.recordIndependently(
                    RealmId.ERP,
                    EventType.LOCKOUT,
                    null,
                    remoteAddress,
                    "After " + updated.failures + " failed attempts, " + kind + " '" + subject + "' from "
                            + remoteAddress + " is locked until " + updated.lockedUntil + ".");
        }
    }

    public void succeeded(String kind, String subject, String remoteAddress) {
        if (!states.isEmpty()) {
            states.remove(key(kind, subject, remoteAddress));
        }
    }

    public List<Lockout> lockouts() {
        Instant now = Instant.now();
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
        String prefix = key(kind, subject, "");
        states.keySet().removeIf(k -> k.startsWith(prefix));
    }

    /** Clears every pair's failures (the admin's "unlock"), written to the event log. */
    public void unlockAll(String actor) {
        int pairs = states.size();
        states.clear();
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
