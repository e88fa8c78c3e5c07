package de.erpconnect.application.cloud;

import de.erpconnect.application.client.ClientDirectory;
import de.erpconnect.application.cloud.CloudViews.AccountView;
import de.erpconnect.application.cloud.CloudViews.CloudApplicationView;
import de.erpconnect.application.cloud.CloudViews.InvitationView;
import de.erpconnect.application.cloud.CloudViews.RealmView;
import de.erpconnect.application.cloud.CloudViews.RegistrationForm;
import de.erpconnect.application.event.EventLog;
import de.erpconnect.application.shared.AfterCommit;
import de.erpconnect.application.shared.Commands;
import de.erpconnect.application.shared.Page;
import de.erpconnect.application.shared.PageRequest;
import de.erpconnect.application.user.CallerDirectory;
import de.erpconnect.application.user.FirstAdmin;
import de.erpconnect.application.user.LoginThrottle;
import de.erpconnect.common.Settings;
import de.erpconnect.domain.client.ApplicationKind;
import de.erpconnect.domain.client.ClientApplication;
import de.erpconnect.domain.client.ClientApplicationRepository;
import de.erpconnect.domain.client.ClientCredentialsFactory;
import de.erpconnect.domain.client.ClientSecret;
import de.erpconnect.domain.client.ClientType;
import de.erpconnect.domain.client.Scope;
import de.erpconnect.domain.client.TokenLifetimes;
import de.erpconnect.domain.cloud.CloudRealm;
import de.erpconnect.domain.cloud.CloudRepository;
import de.erpconnect.domain.cloud.CompanyName;
import de.erpconnect.domain.cloud.CustomerNumber;
import de.erpconnect.domain.cloud.EmailAddress;
import de.erpconnect.domain.cloud.Invitation;
import de.erpconnect.domain.cloud.InvitationNotFoundException;
import de.erpconnect.domain.cloud.LinkNotUsableException;
import de.erpconnect.domain.cloud.PasswordReset;
import de.erpconnect.domain.cloud.RealmNotFoundException;
import de.erpconnect.domain.cloud.RealmTakenException;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.domain.grant.OpaqueToken;
import de.erpconnect.domain.shared.FieldError;
import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.user.AccessFlags;
import de.erpconnect.domain.user.LoginName;
import de.erpconnect.domain.user.PasswordHasher;
import de.erpconnect.domain.user.PasswordPolicy;
import de.erpconnect.domain.user.Role;
import de.erpconnect.domain.user.User;
import de.erpconnect.domain.user.UserRepository;
import de.erpconnect.infrastructure.mail.MailSender;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The vendor cloud (DESIGN §9): the vendor invites a customer; the customer registers the realm
 * and its first user through the link, logs in, and manages the realm's applications — OAuth
 * clients of the realm, whose tokens come from the realm's own token endpoint (the ERP's token
 * code, §6). Every query here is bound to the caller's realm: another realm's records do not exist
 * for it.
 */
@Stateless
public class CloudService {

    private static final Logger LOG = Logger.getLogger(CloudService.class);
    /** At most this many reset mails per user and quarter of an hour. */
    static final int MAX_RESETS_PER_QUARTER = 3;

    @Inject
    CloudRepository cloud;

    @Inject
    UserRepository users;

    @Inject
    ClientApplicationRepository applications;

    @Inject
    ClientCredentialsFactory credentials;

    @Inject
    ClientDirectory clients;

    @Inject
    CallerDirectory callers;

    @Inject
    LoginThrottle throttle;

    @Inject
    PasswordHasher hasher;

    @Inject
    Commands commands;

    @Inject
    EventLog events;

    @Inject
    Settings settings;

    @Inject
    MailSender mail;

    @Inject
    AfterCommit afterCommit;

    @Resource
    SessionContext session;

    // --- the vendor -------------------------------------------------------------------------

    /** A registration link for a customer; the link is in this answer only. */
    @RolesAllowed(CloudCaller.VENDOR_ROLE)
    public InvitationView invite(CloudCommands.Invite command) {
        commands.validated(command);
        List<FieldError> errors = new ArrayList<>();
        CustomerNumber customer = field(errors, () -> CustomerNumber.parse(command.customerNumber()));
        CompanyName company = field(errors, () -> new CompanyName(command.companyName()));
        EmailAddress email = field(errors, () -> EmailAddress.parse(command.email()));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (cloud.findRealm(customer.realm()).isPresent()) {
            throw new RealmTakenException(customer);
        }
        int days = command.validDays() == null ? settings.invitationDays() : command.validDays();
        Invitation.Issued issued =
                Invitation.issue(customer, company, email, Duration.ofDays(days), vendorActor(), Instant.now());
        cloud.addInvitation(issued.invitation());
        events.record(
                FirstAdmin.VENDOR_REALM,
                EventType.CLOUD_INVITATION_CREATED,
                vendorActor(),
                null,
                "Invitation " + issued.invitation().getId() + " for customer " + customer + " (" + company.value()
                        + ") created, valid until " + issued.invitation().getExpiresAt() + ".");
        return InvitationView.of(issued.invitation(), registrationLink(issued.token()));
    }

    @RolesAllowed(CloudCaller.VENDOR_ROLE)
    public Page<InvitationView> invitations(PageRequest page) {
        return new Page<>(
                cloud.invitations(page.offset(), page.size()).stream()
                        .map(i -> InvitationView.of(i, null))
                        .toList(),
                cloud.countInvitations());
    }

    /** Takes a registration link back: it stops working at once (a used one stays as it is). */
    @RolesAllowed(CloudCaller.VENDOR_ROLE)
    public InvitationView withdraw(long id) {
        Invitation invitation = cloud.findInvitationById(id).orElseThrow(() -> new InvitationNotFoundException(id));
        invitation.withdraw(Instant.now());
        events.record(
                FirstAdmin.VENDOR_REALM,
                EventType.CLOUD_INVITATION_WITHDRAWN,
                vendorActor(),
                null,
                "Invitation " + id + " for customer " + invitation.getCustomerNumber() + " withdrawn.");
        return InvitationView.of(invitation, null);
    }

    // --- registration and password reset (no login yet) --------------------------------------

    /** What the registration form shows for a link that can still be used. */
    @PermitAll
    public RegistrationForm registrationForm(String token) {
        Invitation invitation = usableInvitation(token);
        return new RegistrationForm(
                invitation.getCustomerNumber().value(), invitation.getCompanyName(), invitation.getEmail());
    }

    /**
     * Registers the realm and its first user; the link is spent by a conditional update, and the
     * realm's primary key refuses a second realm for the customer number, so of two concurrent
     * registrations exactly one succeeds. A refused form leaves the link usable.
     */
    @PermitAll
    public RealmView register(String token, CloudCommands.Register form) {
        commands.validated(form);
        Invitation invitation = usableInvitation(token);
        List<FieldError> errors = new ArrayList<>();
        String first = required(errors, "firstName", form.firstName(), "The first name is required.");
        String last = required(errors, "lastName", form.lastName(), "The last name is required.");
        LoginName login = field(errors, () -> {
            try {
                return LoginName.parse(form.username());
            } catch (InvalidInputException e) {
                throw new InvalidInputException(
                        "username", e.fieldErrors().get(0).message());
            }
        });
        checkNewPassword(errors, form.password(), form.passwordConfirmation());
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = Instant.now();
        if (!cloud.useInvitation(invitation.getTokenHash(), now)) {
            throw new LinkNotUsableException("registration");
        }
        CustomerNumber customer = invitation.getCustomerNumber();
        if (cloud.findRealm(customer.realm()).isPresent()) {
            throw new RealmTakenException(customer);
        }
        CloudRealm realm = invitation.realmFor(now);
        cloud.addRealm(realm);
        User user = new User(realm.getRealm(), login, first + " " + last, hasher.hash(form.password()), now);
        user.changeAccess(new AccessFlags(true, false, true), now);
        user.assignRoles(EnumSet.of(Role.USER), now);
        user.changeEmail(invitation.getEmail(), now);
        users.add(user);
        String message = "Realm " + customer + " (" + realm.getCompanyName() + ") registered through invitation "
                + invitation.getId() + "; first user '" + login + "'.";
        events.record(realm.getRealm(), EventType.CLOUD_REALM_REGISTERED, login.value(), null, message);
        events.record(FirstAdmin.VENDOR_REALM, EventType.CLOUD_REALM_REGISTERED, null, null, message);
        LOG.infof("ERPC0061: cloud realm %s registered", customer);
        return RealmView.of(realm);
    }

    /**
     * "Passwort vergessen?": mails a reset link to the user's address, valid for an hour. The
     * answer is the same whether or not customer number and user exist, so it tells nobody which
     * accounts there are; at most three mails per user and quarter of an hour.
     */
    @PermitAll
    public void requestPasswordReset(String customerNumber, String login, String remoteAddress) {
        Optional<User> user;
        try {
            user = users.findByLogin(CustomerNumber.parse(customerNumber).realm(), LoginName.parse(login));
        } catch (InvalidInputException | IllegalArgumentException malformed) {
            user = Optional.empty();
        }
        Instant now = Instant.now();
        if (user.isEmpty() || !user.get().canLogIn() || user.get().getEmail().isEmpty()) {
            return;
        }
        User u = user.get();
        if (cloud.countPasswordResets(u, now.minus(Duration.ofMinutes(15))) >= MAX_RESETS_PER_QUARTER) {
            events.record(
                    u.getRealm(),
                    EventType.PASSWORD_RESET_REQUESTED,
                    null,
                    remoteAddress,
                    "Password reset for '" + u.getLogin() + "' requested again: no further mail for now.");
            return;
        }
        PasswordReset.Issued issued = PasswordReset.issue(u, now);
        cloud.addPasswordReset(issued.reset());
        events.record(
                u.getRealm(),
                EventType.PASSWORD_RESET_REQUESTED,
                null,
                remoteAddress,
                "Password reset for '" + u.getLogin() + "' requested; a link was mailed.");
        String to = u.getEmail().get();
        String link = settings.publicUrl().resolve("/cloud/reset.xhtml?token=" + issued.token());
        String text = "Guten Tag " + u.getDisplayName() + ",\n\n"
                + "für Ihren Zugang zur microtech Cloud (Kundennummer " + u.getRealm() + ", Benutzer "
                + u.getLogin() + ") wurde ein neues Passwort angefordert. Über diesen Link legen Sie es fest;"
                + " er gilt eine Stunde und nur einmal:\n\n" + link + "\n\n"
                + "Falls Sie das nicht angefordert haben, ignorieren Sie diese E-Mail; Ihr Passwort bleibt"
                + " unverändert.\n";
        afterCommit.run(() -> mail.send(to, "microtech Cloud: Passwort zurücksetzen", text));
    }

    /** Whether a reset link can still be used (the page says so before anyone types a password). */
    @PermitAll
    public boolean isResetLinkUsable(String token) {
        return findUsableReset(token).isPresent();
    }

    /** Sets a new password through a reset link (once, within its hour) and lifts the user's lockouts. */
    @PermitAll
    public void resetPassword(String token, CloudCommands.ResetPassword form) {
        commands.validated(form);
        PasswordReset reset = usableReset(token);
        List<FieldError> errors = new ArrayList<>();
        checkNewPassword(errors, form.password(), form.passwordConfirmation());
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = Instant.now();
        if (!cloud.usePasswordReset(reset.getTokenHash(), now)) {
            throw new LinkNotUsableException("password reset");
        }
        User user = reset.getUser();
        user.changePasswordHash(hasher.hash(form.password()), now);
        callers.invalidate(user.getRealm(), user.getLogin());
        throttle.forget(
                "user", LoginThrottle.subject(user.getRealm(), user.getLogin().value()));
        events.record(
                user.getRealm(),
                EventType.PASSWORD_RESET,
                user.getLogin().value(),
                null,
                "Password of '" + user.getLogin() + "' set through a reset link.");
    }

    // --- a logged-in user of a realm ---------------------------------------------------------

    @RolesAllowed(CloudCaller.PORTAL_ROLE)
    public RealmView myRealm() {
        RealmId realm = caller().realm();
        return cloud.findRealm(realm).map(RealmView::of).orElseThrow(() -> new RealmNotFoundException(realm.value()));
    }

    @RolesAllowed(CloudCaller.PORTAL_ROLE)
    public List<CloudApplicationView> applications() {
        RealmId realm = caller().realm();
        return applications.search(realm, "", 0, 1000).stream()
                .map(a -> CloudApplicationView.of(a, null))
                .toList();
    }

    /** "Anwendung hinzufügen": a confidential client of the realm with the scope {@code cloud}; its secret once. */
    @RolesAllowed(CloudCaller.PORTAL_ROLE)
    public CloudApplicationView addApplication(CloudCommands.AddApplication command) {
        commands.validated(command);
        CloudCaller caller = caller();
        User user = users.getByLogin(caller.realm(), caller.login());
        Instant now = Instant.now();
        ClientApplication.Registration registration = ClientApplication.register(
                caller.realm(),
                ApplicationKind.OWN,
                ClientType.CONFIDENTIAL,
                new ClientApplication.Settings(
                        command.name(), user, List.of(), EnumSet.of(Scope.CLOUD), true, new TokenLifetimes(null, null)),
                credentials,
                now);
        applications.add(registration.application());
        events.record(
                caller.realm(),
                EventType.APPLICATION_CREATED,
                caller.login().value(),
                null,
                "Cloud application '" + registration.application().getName() + "' created (client id "
                        + registration.application().getClientId() + ").");
        return CloudApplicationView.of(registration.application(), registration.secret());
    }

    /** Deletes an application of the caller's realm; its tokens stop working at once. */
    @RolesAllowed(CloudCaller.PORTAL_ROLE)
    public void deleteApplication(long id) {
        CloudCaller caller = caller();
        ClientApplication app = applications.getById(caller.realm(), id);
        applications.remove(app);
        clients.invalidate(app);
        events.record(
                caller.realm(),
                EventType.APPLICATION_DELETED,
                caller.login().value(),
                null,
                "Cloud application '" + app.getName() + "' deleted (client id " + app.getClientId() + ").");
    }

    /** A new secret at once; the old one stops working (no grace: the realm's owner renews it). */
    @RolesAllowed(CloudCaller.PORTAL_ROLE)
    public CloudApplicationView renewSecret(long id) {
        CloudCaller caller = caller();
        ClientApplication app = applications.getById(caller.realm(), id);
        ClientSecret secret = app.rotateSecret(Duration.ZERO, credentials, Instant.now());
        clients.invalidate(app);
        events.record(
                caller.realm(),
                EventType.APPLICATION_SECRET_ROTATED,
                caller.login().value(),
                null,
                "Secret of the cloud application '" + app.getName() + "' renewed; the old secret no longer works.");
        return CloudApplicationView.of(app, secret);
    }

    // --- the realm's API, called with a realm token ------------------------------------------

    @RolesAllowed(CloudCaller.CLIENT_ROLE)
    public AccountView account() {
        CloudCaller caller = caller();
        CloudRealm realm = cloud.findRealm(caller.realm())
                .orElseThrow(() -> new RealmNotFoundException(caller.realm().value()));
        return new AccountView(
                realm.getCustomerNumber().value(),
                realm.getCompanyName(),
                caller.login().value());
    }

    // ------------------------------------------------------------------------------------------

    private CloudCaller caller() {
        return CloudCaller.parse(session.getCallerPrincipal().getName());
    }

    private String vendorActor() {
        return session.getCallerPrincipal().getName();
    }

    private Invitation usableInvitation(String token) {
        if (!OpaqueToken.isWellFormed(token)) {
            throw new LinkNotUsableException("registration");
        }
        return cloud.findInvitation(OpaqueToken.hash(token))
                .filter(i -> i.isUsableAt(Instant.now()))
                .orElseThrow(() -> new LinkNotUsableException("registration"));
    }

    private PasswordReset usableReset(String token) {
        return findUsableReset(token).orElseThrow(() -> new LinkNotUsableException("password reset"));
    }

    private Optional<PasswordReset> findUsableReset(String token) {
        if (!OpaqueToken.isWellFormed(token)) {
            return Optional.empty();
        }
        return cloud.findPasswordReset(OpaqueToken.hash(token)).filter(r -> r.isUsableAt(Instant.now()));
    }

    private String registrationLink(String token) {
        return settings.publicUrl().resolve("/cloud/register.xhtml?token=" + token);
    }

    private static void checkNewPassword(List<FieldError> errors, String password, String confirmation) {
        PasswordPolicy.violations(password).forEach(p -> errors.add(new FieldError("password", p)));
        if (password != null && !password.equals(confirmation)) {
            errors.add(new FieldError("passwordConfirmation", "The password confirmation does not match."));
        }
    }

    private static String required(List<FieldError> errors, String field, String value, String message) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty() || trimmed.codePoints().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, message));
        }
        return trimmed;
    }

    private static <T> T field(List<FieldError> errors, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInputException e) {
            errors.addAll(e.fieldErrors());
            return null;
        }
    }
}
