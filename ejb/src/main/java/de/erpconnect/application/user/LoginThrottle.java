package de.erpconnect.application.user;

import de.erpconnect.application.event.EventLog;
import de.erpconnect.common.Settings;
import de.erpconnect.domain.cluster.LoginFailureStore;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.domain.shared.PrintableText;
import de.erpconnect.domain.shared.RealmId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

    @Inject
    EventLog events;

    @Inject
    Settings settings;

    @Inject
    LoginFailureStore shared;

    /** A locked (subject, address) pair as the admin API shows it. */
    public record Lockout(String kind, String subject, String remoteAddress, int failures, Instant lockedUntil) {}

    private final LoginFailureStore local = new LocalLoginFailures();

    /** Where the counters are: this node's memory, or the database shared by a cluster. */
    private LoginFailureStore counters() {
        return settings.clustered() ? shared : local;
    }

    /** How long the pair is still locked, if it is. */
    public Optional<Duration> lockedFor(String kind, String subject, String remoteAddress) {
        Instant now = Instant.now();
        return counters()
                .find(kind, subject, remoteAddress)
                .map(LoginFailureStore.Failures::lockedUntil)
                .filter(now::isBefore)
                .map(until -> Duration.between(now, until));
    }

    public void failed(String kind, String subject, String remoteAddress) {
        Instant now = Instant.now();
        LoginFailureStore store = counters();
        int failures = store.countFailure(kind, subject, remoteAddress, now, now.minus(LoginFailureStore.FORGET_AFTER));
        Instant until = lockUntil(failures, now);
        if (until != null) {
            store.lockUntil(kind, subject, remoteAddress, until);
            recordLockout(kind, subject, remoteAddress, failures, until);
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
                realmOf(subject),
                EventType.LOCKOUT,
                null,
                remoteAddress,
                "After " + failures + " failed attempts, " + kind + " '" + subject + "' from " + remoteAddress
                        + " is locked until " + until + ".");
    }

    /**
     * The subject of a pair in a cloud realm: {@code <realm>/<login or client id>}; a slash never
     * occurs in an ERP login or client id, so the realms' counters cannot collide. Control characters
     * (a login typed with a NUL) count as '?': the shared counters live in the database, which may
     * not store U+0000, and neither character occurs in a login or client id that can succeed.
     */
    public static String subject(RealmId realm, String subject) {
        String printable = PrintableText.of(subject);
        return realm.equals(RealmId.ERP) ? printable : realm.value() + "/" + printable;
    }

    private static RealmId realmOf(String subject) {
        int slash = subject.indexOf('/');
        return slash < 0 ? RealmId.ERP : RealmId.of(subject.substring(0, slash));
    }

    public void succeeded(String kind, String subject, String remoteAddress) {
        counters().clear(kind, subject, remoteAddress);
    }

    public List<Lockout> lockouts() {
        return counters().lockedAt(Instant.now()).stream()
                .map(f -> new Lockout(f.kind(), f.subject(), f.remoteAddress(), f.failures(), f.lockedUntil()))
                .toList();
    }

    /** Forgets the failures of one client or user from every address (its erasure). */
    public void forget(String kind, String subject) {
        counters().clearSubject(kind, subject);
    }

    /** Clears every pair's failures (the admin's "unlock"), written to the event log. */
    public void unlockAll(String actor) {
        int pairs = counters().clearAll();
        events.recordIndependently(
                RealmId.ERP,
                EventType.LOCKOUTS_CLEARED,
                actor,
                null,
                "The failure counters and lockouts of " + pairs + " client/user and address pairs were cleared.");
    }
}
