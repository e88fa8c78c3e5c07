package de.erpconnect.application.cloud;

import de.erpconnect.application.cloud.CloudViews.InvitationView;
import de.erpconnect.application.event.EventLog;
import de.erpconnect.application.shared.Commands;
import de.erpconnect.application.shared.Page;
import de.erpconnect.application.shared.PageRequest;
import de.erpconnect.application.user.FirstAdmin;
import de.erpconnect.common.Settings;
import de.erpconnect.domain.cloud.CloudRepository;
import de.erpconnect.domain.cloud.CompanyName;
import de.erpconnect.domain.cloud.CustomerNumber;
import de.erpconnect.domain.cloud.EmailAddress;
import de.erpconnect.domain.cloud.Invitation;
import de.erpconnect.domain.cloud.InvitationNotFoundException;
import de.erpconnect.domain.cloud.RealmTakenException;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.domain.shared.FieldError;
import de.erpconnect.domain.shared.InvalidInputException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The vendor's invitations (DESIGN §9): a single-use registration link per customer number, valid
 * for ERPCONNECT_CLOUD_INVITATION_DAYS, listed and withdrawn by the vendor; the link is in the
 * answer that created it only.
 */
@Stateless
public class CloudInvitations {

    @Inject
    CloudRepository cloud;

    @Inject
    Commands commands;

    @Inject
    EventLog events;

    @Inject
    Settings settings;

    @Resource
    SessionContext session;

    /** A registration link for a customer; the link is in this answer only. */
    @RolesAllowed(CloudCaller.VENDOR_ROLE)
    public InvitationView invite(CloudCommands.Invite command) {
        commands.validated(command);
        List<FieldError> errors = new ArrayList<>();
        CustomerNumber customer = CloudForms.field(errors, () -> CustomerNumber.parse(command.customerNumber()));
        CompanyName company = CloudForms.field(errors, () -> new CompanyName(command.companyName()));
        EmailAddress email = CloudForms.field(errors, () -> EmailAddress.parse(command.email()));
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

    private String vendorActor() {
        return session.getCallerPrincipal().getName();
    }

    private String registrationLink(String token) {
        return settings.publicUrl().resolve("/cloud/register.xhtml?token=" + token);
    }
}
