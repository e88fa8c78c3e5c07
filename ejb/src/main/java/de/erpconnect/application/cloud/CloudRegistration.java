package de.erpconnect.application.cloud;

import de.erpconnect.application.cloud.CloudViews.RealmView;
import de.erpconnect.application.cloud.CloudViews.RegistrationForm;
import de.erpconnect.application.event.EventLog;
import de.erpconnect.application.shared.Commands;
import de.erpconnect.application.user.FirstAdmin;
import de.erpconnect.domain.cloud.CloudRealm;
import de.erpconnect.domain.cloud.CloudRepository;
import de.erpconnect.domain.cloud.CustomerNumber;
import de.erpconnect.domain.cloud.Invitation;
import de.erpconnect.domain.cloud.LinkNotUsableException;
import de.erpconnect.domain.cloud.RealmTakenException;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.domain.grant.OpaqueToken;
import de.erpconnect.domain.shared.FieldError;
import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.user.AccessFlags;
import de.erpconnect.domain.user.LoginName;
import de.erpconnect.domain.user.PasswordHasher;
import de.erpconnect.domain.user.Role;
import de.erpconnect.domain.user.User;
import de.erpconnect.domain.user.UserRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * A customer's registration through the vendor's invitation link (DESIGN §9): the realm named by the
 * customer number, the company, and the realm's first user with the password rules of §4. The
 * link works once; a realm taken meanwhile is refused.
 */
@Stateless
public class CloudRegistration {

    private static final Logger LOG = Logger.getLogger(CloudRegistration.class);

    @Inject
    CloudRepository cloud;

    @Inject
    UserRepository users;

    @Inject
    PasswordHasher hasher;

    @Inject
    Commands commands;

    @Inject
    EventLog events;

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
        String first = CloudForms.required(errors, "firstName", form.firstName(), "The first name is required.");
        String last = CloudForms.required(errors, "lastName", form.lastName(), "The last name is required.");
        LoginName login = CloudForms.field(errors, () -> {
            try {
                return LoginName.parse(form.username());
            } catch (InvalidInputException e) {
                throw new InvalidInputException(
                        "username", e.fieldErrors().get(0).message());
            }
        });
        CloudForms.checkNewPassword(errors, form.password(), form.passwordConfirmation());
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

    private Invitation usableInvitation(String token) {
        if (!OpaqueToken.isWellFormed(token)) {
            throw new LinkNotUsableException("registration");
        }
        return cloud.findInvitation(OpaqueToken.hash(token))
                .filter(i -> i.isUsableAt(Instant.now()))
                .orElseThrow(() -> new LinkNotUsableException("registration"));
    }
}
