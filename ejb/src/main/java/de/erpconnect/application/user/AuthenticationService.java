package de.erpconnect.application.user;

import de.erpconnect.application.event.EventLog;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.domain.shared.PrintableText;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.user.LockedOutException;
import de.erpconnect.domain.user.LoginName;
import de.erpconnect.domain.user.PasswordHasher;
import de.erpconnect.domain.user.User;
import de.erpconnect.domain.user.UserRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Checks user passwords for the container's authentication (FORM login, HTTP Basic) and reads
 * the live state of a caller known from a session. Failed logins go to the event log, without the
 * password. Bearer tokens' subjects are {@code BearerCallers}'.
 */
@Stateless
@PermitAll
public class AuthenticationService {

    /** A bcrypt hash of a random string: unknown users cost as much time as known ones. */
    private static volatile String dummyHash;

    @Inject
    UserRepository users;

    @Inject
    PasswordHasher hasher;

    @Inject
    CallerDirectory callers;

    @Inject
    LoginThrottle throttle;

    @Inject
    EventLog events;

    /**
     * The caller's state if the login exists in the realm (the ERP's own or one of the vendor cloud,
     * DESIGN §9), is active and the password matches; throttled per realm and login.
     */
    public Optional<CallerState> verifyPassword(RealmId realm, String login, String password, String remoteAddress) {
        String subject =
                LoginThrottle.subject(realm, login == null ? "" : login.strip().toLowerCase(java.util.Locale.ROOT));
        throttle.lockedFor("user", subject, remoteAddress).ifPresent(wait -> {
            throw new LockedOutException(Math.max(1, wait.toSeconds() + 1));
        });
        Optional<User> user;
        try {
            user = users.findByLogin(realm, LoginName.parse(login));
        } catch (RuntimeException malformedLogin) {
            user = Optional.empty();
        }
        boolean ok;
        if (user.isPresent()) {
            ok = hasher.matches(password, user.get().getPasswordHash());
        } else {
            hasher.matches(password, dummyHash());
            ok = false;
        }
        if (!ok || !user.get().canLogIn()) {
            throttle.failed("user", subject, remoteAddress);
            events.recordIndependently(
                    realm,
                    EventType.LOGIN_FAILED,
                    null,
                    remoteAddress,
                    "Login failed for '" + PrintableText.identifier(login, 64) + "'"
                            + (ok ? " (user deactivated)." : "."));
            return Optional.empty();
        }
        throttle.succeeded("user", subject, remoteAddress);
        return Optional.of(CallerState.of(user.get()));
    }

    private String dummyHash() {
        if (dummyHash == null) {
            dummyHash = hasher.hash(java.util.UUID.randomUUID().toString());
        }
        return dummyHash;
    }

    /** The live state of a user whose identity was established earlier (session, Basic cache). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<CallerState> activeCaller(String login) {
        return activeCaller(RealmId.ERP, login);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<CallerState> activeCaller(RealmId realm, String login) {
        return callers.find(realm, login).filter(CallerState::active);
    }
}
