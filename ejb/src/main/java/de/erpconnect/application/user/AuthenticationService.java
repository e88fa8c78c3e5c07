package de.erpconnect.application.user;

import de.erpconnect.application.client.ClientDirectory;
import de.erpconnect.application.event.EventLog;
import de.erpconnect.application.grant.GrantDirectory;
import de.erpconnect.application.licence.LicenceDirectory;
import de.erpconnect.application.service.ServiceDirectory;
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
 * the live state of token subjects. Failed logins go to the event log, without the password.
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
    ClientDirectory clients;

    @Inject
    LicenceDirectory licences;

    @Inject
    GrantDirectory grants;

    @Inject
    LoginThrottle throttle;

    @Inject
    ServiceDirectory services;

    @Inject
    EventLog events;

    /** The caller's state if the login exists, is active and the password matches. */
    public Optional<CallerState> verifyPassword(String login, String password, String remoteAddress) {
        return verifyPassword(RealmId.ERP, login, password, remoteAddress);
    }

    /** The same for a user of a realm of the vendor cloud (DESIGN §9), throttled per realm and login. */
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

    /**
     * The live state of a bearer token's subject, if the token may still be used: it was not
     * revoked, nor its grant; the user exists and is active; the application it was issued to
     * still exists, is active and is allowed by the licence in effect. All are cached briefly and
     * dropped on every change made here, so a revocation or deactivation takes effect at once.
     * Only reads: it joins a caller's transaction but starts none (it runs for every bearer
     * request and every introspection, where a JTA transaction of its own cost more than the check).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<CallerState> bearerCaller(String login, String clientId, String jwtId, Long grantId) {
        if (grants.isRevoked(jwtId) || (grantId != null && !grants.isUsable(grantId))) {
            return Optional.empty();
        }
        boolean clientActive = clients.find(RealmId.ERP, clientId)
                .map(c -> c.active()
                        && c.actsFor(login)
                        && (!c.builtIn() || services.interactiveEnabled())
                        && licences.refusal(c.kind(), c.clientType()).isEmpty())
                .orElse(false);
        if (!clientActive) {
            return Optional.empty();
        }
        return callers.find(RealmId.ERP, login).filter(CallerState::active);
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

    /**
     * The live state behind a cloud realm's access token: the application it was issued to still
     * exists and is active, and its user is active. A deleted cloud application's tokens stop at once.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<CallerState> realmBearerCaller(RealmId realm, String login, String clientId, String jwtId) {
        if (grants.isRevoked(jwtId)) {
            return Optional.empty();
        }
        boolean clientActive = clients.find(realm, clientId)
                .map(c -> c.active() && c.actsFor(login))
                .orElse(false);
        return clientActive ? activeCaller(realm, login) : Optional.empty();
    }
}
