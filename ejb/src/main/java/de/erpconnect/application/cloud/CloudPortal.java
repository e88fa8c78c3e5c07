package de.erpconnect.application.cloud;

import de.erpconnect.application.client.ClientDirectory;
import de.erpconnect.application.cloud.CloudViews.AccountView;
import de.erpconnect.application.cloud.CloudViews.CloudApplicationView;
import de.erpconnect.application.cloud.CloudViews.RealmView;
import de.erpconnect.application.event.EventLog;
import de.erpconnect.application.shared.Commands;
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
import de.erpconnect.domain.cloud.RealmNotFoundException;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.user.User;
import de.erpconnect.domain.user.UserRepository;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

/**
 * A logged-in user of a realm in the cloud's portal (DESIGN §9): the realm and the account, and the
 * realm's applications — OAuth clients of the realm whose tokens come from the realm's own token
 * endpoint — added with their secret shown once, renewed, deleted. Every query is bound to the
 * caller's realm: another realm's records do not exist for it.
 */
@Stateless
public class CloudPortal {

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
    Commands commands;

    @Inject
    EventLog events;

    @Resource
    SessionContext session;

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

    private CloudCaller caller() {
        return CloudCaller.parse(session.getCallerPrincipal().getName());
    }
}
