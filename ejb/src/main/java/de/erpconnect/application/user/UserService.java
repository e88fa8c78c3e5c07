package de.erpconnect.application.user;

import de.erpconnect.application.event.EventLog;
import de.erpconnect.application.shared.Commands;
import de.erpconnect.application.shared.Page;
import de.erpconnect.application.shared.PageRequest;
import de.erpconnect.domain.client.ClientApplicationRepository;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.user.AccessFlags;
import de.erpconnect.domain.user.ErpRight;
import de.erpconnect.domain.user.LoginAlreadyTakenException;
import de.erpconnect.domain.user.LoginName;
import de.erpconnect.domain.user.PasswordHasher;
import de.erpconnect.domain.user.PasswordPolicy;
import de.erpconnect.domain.user.Role;
import de.erpconnect.domain.user.User;
import de.erpconnect.domain.user.UserRepository;
import de.erpconnect.domain.user.UserStillReferencedException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** "BENUTZER VERWALTEN": create, change, list and delete users of the ERP realm (admins only). */
@Stateless
@RolesAllowed("admin")
public class UserService {

    @Inject
    de.erpconnect.domain.erp.ErpRowRepository erpRows;

    @Inject
    UserRepository users;

    @Inject
    ClientApplicationRepository applications;

    @Inject
    PasswordHasher passwordHasher;

    @Inject
    Commands commands;

    @Inject
    CallerDirectory callers;

    @Inject
    EventLog events;

    @Inject
    LoginThrottle throttle;

    @Resource
    SessionContext session;

    public UserView create(UserCommand command) {
        commands.validated(command);
        if (command.login() == null) {
            throw new InvalidInputException("login", "login is required.");
        }
        LoginName login = LoginName.parse(command.login());
        if (command.displayName() == null) {
            throw new InvalidInputException("displayName", "displayName is required.");
        }
        PasswordPolicy.check("password", command.password());
        if (users.findByLogin(RealmId.ERP, login).isPresent()) {
            throw new LoginAlreadyTakenException(login);
        }
        Instant now = Instant.now();
        User user = new User(RealmId.ERP, login, command.displayName(), passwordHasher.hash(command.password()), now);
        applySettings(user, command, true, now);
        user.stampLsn(erpRows.nextLsn());
        users.add(user);
        events.record(RealmId.ERP, EventType.USER_CREATED, actor(), null, "User '" + login + "' created.");
        return UserView.of(user);
    }

    public UserView update(String loginParam, UserCommand command) {
        commands.validated(command);
        LoginName login = LoginName.parse(loginParam);
        User user = users.getByLogin(RealmId.ERP, login);
        if (command.login() != null && !LoginName.parse(command.login()).equals(login)) {
            throw new InvalidInputException("login", "The login of a user cannot be changed.");
        }
        Instant now = Instant.now();
        if (command.displayName() != null) {
            user.rename(command.displayName(), now);
        }
        if (command.password() != null) {
            PasswordPolicy.check("password", command.password());
            user.changePasswordHash(passwordHasher.hash(command.password()), now);
        }
        applySettings(user, command, false, now);
        user.stampLsn(erpRows.nextLsn());
        requireAnActiveAdmin();
        callers.invalidate(RealmId.ERP, login);
        events.record(RealmId.ERP, EventType.USER_UPDATED, actor(), null, "User '" + login + "' changed.");
        return UserView.of(user);
    }

    public UserView get(String login) {
        return UserView.of(users.getByLogin(RealmId.ERP, LoginName.parse(login)));
    }

    public Page<UserView> list(String query, PageRequest page) {
        String q = query == null ? "" : query.strip();
        return new Page<>(
                users.search(RealmId.ERP, q, page.offset(), page.size()).stream()
                        .map(UserView::of)
                        .toList(),
                users.count(RealmId.ERP, q));
    }

    /** Deletes a user that no application acts for; the last active admin stays. */
    public void delete(String loginParam) {
        LoginName login = LoginName.parse(loginParam);
        users.remove(removable(login));
        requireAnActiveAdmin();
        callers.invalidate(RealmId.ERP, login);
        events.record(RealmId.ERP, EventType.USER_DELETED, actor(), null, "User '" + login + "' deleted.");
    }

    /**
     * Erasure of a user's personal data on request (GDPR Art. 17): the account with its consents,
     * authorization codes and refresh tokens is deleted, failed-login counters are forgotten, and the
     * event log keeps its entries with the login replaced by a pseudonym and without remote
     * addresses. Refused, with nothing changed, while applications act for the user.
     */
    public ErasureView erasePersonalData(String loginParam) {
        LoginName login = LoginName.parse(loginParam);
        User user = removable(login);
        String pseudonym = "erased-user-" + user.getId();
        users.remove(user);
        requireAnActiveAdmin();
        callers.invalidate(RealmId.ERP, login);
        throttle.forget("user", login.value());
        int entries = events.pseudonymize(RealmId.ERP, login.value(), pseudonym);
        events.record(
                RealmId.ERP,
                EventType.USER_ERASED,
                actor(),
                null,
                "The personal data of " + pseudonym + " were erased: the account with its consents and tokens"
                        + " deleted, " + entries + " event-log entries pseudonymized.");
        return new ErasureView(pseudonym, entries);
    }

    /** The user, when no application acts for it (else refused, nothing changed). */
    private User removable(LoginName login) {
        User user = users.getByLogin(RealmId.ERP, login);
        long bound = applications.countByUser(user);
        if (bound > 0) {
            throw new UserStillReferencedException("User '" + login + "' is the user of " + bound
                    + " application(s); assign them to another user or delete them first.");
        }
        return user;
    }

    /** What an erasure did: the pseudonym the event log now shows, and how many entries changed. */
    public record ErasureView(String pseudonym, int eventsPseudonymized) {}

    private void applySettings(User user, UserCommand command, boolean isNew, Instant now) {
        boolean active = command.active() != null ? command.active() : isNew || user.isActive();
        boolean graphql = command.graphqlAccess() != null ? command.graphqlAccess() : !isNew && user.isGraphqlAccess();
        boolean currentAlways = !isNew && user.isAlwaysLogin();
        boolean always = command.alwaysLogin() != null ? command.alwaysLogin() : graphql || currentAlways;
        user.changeAccess(new AccessFlags(active, graphql, always), now);
        if (command.roles() != null) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String r : command.roles()) {
                roles.add(Role.fromWireName(r));
            }
            user.assignRoles(roles, now);
        }
        if (command.permissions() != null || command.protectedFields() != null) {
            Map<String, Set<ErpRight>> rights =
                    command.permissions() != null ? parseRights(command.permissions()) : user.getPermissions();
            Set<String> fields = command.protectedFields() != null
                    ? new HashSet<>(command.protectedFields())
                    : new HashSet<>(user.getProtectedFields());
            user.grantPermissions(rights, fields, now);
        }
    }

    private static Map<String, Set<ErpRight>> parseRights(Map<String, List<String>> raw) {
        Map<String, Set<ErpRight>> rights = new HashMap<>();
        raw.forEach((table, list) -> {
            if (list == null) {
                throw new InvalidInputException("permissions", "The rights of " + table + " must be a list.");
            }
            Set<ErpRight> set = EnumSet.noneOf(ErpRight.class);
            for (String r : list) {
                set.add(ErpRight.fromWireName(r));
            }
            rights.put(table, set);
        });
        return rights;
    }

    /** Runs after the change is flushed: an installation always keeps one active administrator. */
    private void requireAnActiveAdmin() {
        if (users.countActiveAdmins(RealmId.ERP) == 0) {
            throw new UserStillReferencedException("The last active administrator cannot be removed or deactivated.");
        }
    }

    private String actor() {
        return session.getCallerPrincipal().getName();
    }
}
