package de.erpconnect.application.client;

import de.erpconnect.application.event.EventLog;
import de.erpconnect.application.grant.GrantDirectory;
import de.erpconnect.application.licence.LicenceDirectory;
import de.erpconnect.application.shared.Commands;
import de.erpconnect.application.shared.Page;
import de.erpconnect.application.shared.PageRequest;
import de.erpconnect.common.Settings;
import de.erpconnect.domain.client.ApplicationKind;
import de.erpconnect.domain.client.ClientApplication;
import de.erpconnect.domain.client.ClientApplicationRepository;
import de.erpconnect.domain.client.ClientCredentialsFactory;
import de.erpconnect.domain.client.ClientKeys;
import de.erpconnect.domain.client.ClientSecret;
import de.erpconnect.domain.client.ClientType;
import de.erpconnect.domain.client.JwksUri;
import de.erpconnect.domain.client.KeySetFetcher;
import de.erpconnect.domain.client.Scope;
import de.erpconnect.domain.client.TokenLifetimes;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.domain.grant.GrantRepository;
import de.erpconnect.domain.licence.PartnerApp;
import de.erpconnect.domain.shared.ForbiddenException;
import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.user.LoginName;
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
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * "ANWENDUNGEN VERWALTEN": register, change, list, delete applications and rotate their secrets
 * (admins only). The clear secret leaves only in the create and rotate responses.
 */
@Stateless
@RolesAllowed("admin")
public class ApplicationService {

    @Inject
    ClientApplicationRepository applications;

    @Inject
    UserRepository users;

    @Inject
    ClientCredentialsFactory credentials;

    @Inject
    ClientDirectory clients;

    @Inject
    LicenceDirectory licences;

    @Inject
    GrantRepository grants;

    @Inject
    GrantDirectory grantDirectory;

    @Inject
    KeySetFetcher keySets;

    @Inject
    RemoteClientKeys remoteKeys;

    @Inject
    Settings settings;

    @Inject
    Commands commands;

    @Inject
    EventLog events;

    @Resource
    SessionContext session;

    public ApplicationView create(ApplicationCommand command) {
        commands.validated(command);
        if (command.name() == null) {
            throw new InvalidInputException("name", "name (Bezeichnung) is required.");
        }
        if (command.user() == null) {
            throw new InvalidInputException("user", "user (Benutzer) is required.");
        }
        if (command.scopes() == null) {
            throw new InvalidInputException("scopes", "scopes is required (at least 'graphql').");
        }
        ApplicationKind kind = command.kind() == null ? ApplicationKind.OWN : new ApplicationKind(command.kind());
        Optional<PartnerApp> partner = partnerApp(kind);
        ClientType type = parseClientType(command.clientType());
        if (partner.isPresent()) {
            if (type == ClientType.PUBLIC) {
                throw new InvalidInputException(
                        "clientType", "A partner app is always a confidential client (set automatically).");
            }
            type = ClientType.CONFIDENTIAL;
        }
        ClientType clientType = type;
        licences.refusal(kind, clientType).ifPresent(reason -> {
            throw new ForbiddenException("EDITION", reason);
        });
        Set<Scope> scopes = parseScopes(command.scopes());
        partner.ifPresent(p -> requirePartnerScopes(p, scopes));
        Instant now = Instant.now();
        ClientApplication.Registration registration = ClientApplication.register(
                RealmId.ERP,
                kind,
                clientType,
                new ClientApplication.Settings(
                        command.name(),
                        findUser(command.user()),
                        command.redirectUris(),
                        scopes,
                        command.active() == null || command.active(),
                        new TokenLifetimes(
                                command.accessTokenSeconds(),
                                command.refreshTokenSeconds(),
                                command.grantLifetimeSeconds())),
                credentials,
                now);
        ClientApplication app = registration.application();
        app.requirePushedRequests(Boolean.TRUE.equals(command.requirePushedAuthorizationRequests()), now);
        applications.add(app);
        events.record(
                RealmId.ERP,
                EventType.APPLICATION_CREATED,
                actor(),
                null,
                "Application '" + app.getName() + "' created (client id " + app.getClientId() + ").");
        return ApplicationView.of(app, registration.secret());
    }

    public ApplicationView update(long id, ApplicationCommand command) {
        commands.validated(command);
        ClientApplication app = applications.getById(RealmId.ERP, id);
        if (command.kind() != null && !command.kind().equals(app.getKind().value())) {
            throw new InvalidInputException("kind", "The kind (Anwendungsart) of an application cannot be changed.");
        }
        if (command.clientType() != null && parseClientType(command.clientType()) != app.getClientType()) {
            throw new InvalidInputException("clientType", "The client type of an application cannot be changed.");
        }
        Set<Scope> scopes = command.scopes() != null ? parseScopes(command.scopes()) : app.getScopes();
        partnerApp(app.getKind()).ifPresent(p -> requirePartnerScopes(p, scopes));
        if (Boolean.TRUE.equals(command.active()) && !app.isActive()) {
            licences.refusal(app.getKind(), app.getClientType()).ifPresent(reason -> {
                throw new ForbiddenException("EDITION", reason);
            });
        }
        Instant now = Instant.now();
        app.apply(
                new ClientApplication.Settings(
                        command.name() != null ? command.name() : app.getName(),
                        command.user() != null ? findUser(command.user()) : app.getUser(),
                        command.redirectUris() != null ? command.redirectUris() : app.getRedirectUris(),
                        scopes,
                        command.active() != null ? command.active() : app.isActive(),
                        new TokenLifetimes(
                                command.accessTokenSeconds() != null
                                        ? command.accessTokenSeconds()
                                        : app.getLifetimes().accessTokenSeconds(),
                                command.refreshTokenSeconds() != null
                                        ? command.refreshTokenSeconds()
                                        : app.getLifetimes().refreshTokenSeconds(),
                                command.grantLifetimeSeconds() != null
                                        ? command.grantLifetimeSeconds()
                                        : app.getLifetimes().grantSeconds())),
                now);
        if (command.requirePushedAuthorizationRequests() != null) {
            app.requirePushedRequests(command.requirePushedAuthorizationRequests(), now);
        }
        clients.invalidate(app);
        events.record(
                RealmId.ERP,
                EventType.APPLICATION_UPDATED,
                actor(),
                null,
                "Application '" + app.getName() + "' changed" + (app.isActive() ? "." : " (inactive)."));
        return ApplicationView.of(app);
    }

    public ApplicationView get(long id) {
        return ApplicationView.of(applications.getById(RealmId.ERP, id));
    }

    public Page<ApplicationView> list(String query, PageRequest page) {
        String q = query == null ? "" : query.strip();
        return new Page<>(
                applications.search(RealmId.ERP, q, page.offset(), page.size()).stream()
                        .map(ApplicationView::of)
                        .toList(),
                applications.count(RealmId.ERP, q));
    }

    public void delete(long id) {
        ClientApplication app = applications.getById(RealmId.ERP, id);
        applications.remove(app);
        clients.invalidate(app);
        events.record(
                RealmId.ERP,
                EventType.APPLICATION_DELETED,
                actor(),
                null,
                "Application '" + app.getName() + "' deleted (client id " + app.getClientId() + ").");
    }

    public ApplicationView rotateSecret(long id, SecretRotationCommand command) {
        commands.validated(command);
        ClientApplication app = applications.getById(RealmId.ERP, id);
        long grace =
                command.graceSeconds() == null ? SecretRotationCommand.DEFAULT_GRACE_SECONDS : command.graceSeconds();
        Instant now = Instant.now();
        boolean hadKeys = app.getKeys() != null;
        ClientSecret secret = app.rotateSecret(Duration.ofSeconds(grace), credentials, now);
        return secretIssued(
                app,
                secret,
                hadKeys
                        ? "New secret for application '" + app.getName() + "'; its keys (private_key_jwt) were removed."
                        : "New secret for application '" + app.getName() + "'; the old one stays valid for " + grace
                                + " s.");
    }

    /** The answer that shows a new secret once, after the event that records it. */
    private ApplicationView secretIssued(ClientApplication app, ClientSecret secret, String event) {
        clients.invalidate(app);
        events.record(RealmId.ERP, EventType.APPLICATION_SECRET_ROTATED, actor(), null, event);
        return ApplicationView.of(app, secret);
    }

    /**
     * The application authenticates from now on with {@code private_key_jwt} and the public keys
     * of {@code jwkSet} (RFC 7523 §2.2); its secret stops working at once. Issuing a new secret
     * goes back to the secret.
     */
    public ApplicationView registerKeys(long id, String jwkSet) {
        ClientKeys keys = ClientKeys.parse(jwkSet);
        return keysRegistered(applications.getById(RealmId.ERP, id), keys, null);
    }

    /**
     * Turns the FAPI 2.0 switch on (issue 34): private_key_jwt only (the keys must be registered,
     * the secret is gone with that), PAR, PKCE S256, DPoP-bound access tokens only, exact https
     * redirect URIs (as for every confidential client). Every grant of the application is revoked
     * and every token issued before stops working; the partner app signs its users in anew.
     */
    public ApplicationView enableFapi2(long id) {
        ClientApplication app = applications.getById(RealmId.ERP, id);
        boolean wasOn = app.getFapi2Since() != null;
        Instant now = Instant.now();
        app.enableFapi2(now);
        if (wasOn) {
            return ApplicationView.of(app);
        }
        int revoked = grants.revokeAllOf(app.getId(), "FAPI 2.0 switched on", now);
        clients.invalidate(app);
        grantDirectory.invalidateAll();
        events.record(
                RealmId.ERP,
                EventType.APPLICATION_UPDATED,
                actor(),
                null,
                "FAPI 2.0 switched on for application '" + app.getName() + "'; " + revoked
                        + " grant(s) and all earlier tokens revoked.");
        return ApplicationView.of(app);
    }

    /**
     * Turns the FAPI 2.0 switch off, which issues a new secret (shown once, like a rotation): the
     * application authenticates with it from now on, its keys are removed; its grants stay.
     */
    public ApplicationView disableFapi2(long id) {
        ClientApplication app = applications.getById(RealmId.ERP, id);
        ClientSecret secret = app.disableFapi2(credentials, Instant.now());
        return secretIssued(
                app,
                secret,
                "FAPI 2.0 switched off for application '" + app.getName()
                        + "'; it authenticates with a new secret, its keys were removed.");
    }

    /**
     * The application authenticates from now on with {@code private_key_jwt} and the keys it
     * publishes at {@code jwksUri} (RFC 7591 §2), fetched now (a failure is refused with its
     * reason) and again while it authenticates; its secret stops working at once.
     */
    public ApplicationView registerKeysUri(long id, String jwksUri) {
        JwksUri uri = JwksUri.parse(jwksUri, settings.isDev());
        // fetched before the application is read and locked for the change
        ClientKeys keys = keySets.fetch(uri);
        ClientApplication app = applications.getById(RealmId.ERP, id);
        ApplicationView view = keysRegistered(app, keys, uri);
        remoteKeys.fetched(RealmId.ERP, app.getClientId(), uri, keys);
        return view;
    }

    /** Registers {@code keys} (published at {@code uri}, or null), recorded in the event log. */
    private ApplicationView keysRegistered(ClientApplication app, ClientKeys keys, JwksUri uri) {
        app.registerKeys(keys, uri, Instant.now());
        clients.invalidate(app);
        events.record(
                RealmId.ERP,
                EventType.APPLICATION_KEYS_REGISTERED,
                actor(),
                null,
                "Application '" + app.getName() + "' authenticates with private_key_jwt; keys"
                        + (uri == null ? "" : " published at " + uri) + ": "
                        + String.join(
                                ", ",
                                keys.keys().stream()
                                        .map(k -> k.kid() + " (" + k.algorithm() + ")")
                                        .toList())
                        + "; its secret no longer works.");
        return ApplicationView.of(app);
    }

    /** The catalogue entry of a partner-app kind; empty for "OWN". */
    private Optional<PartnerApp> partnerApp(ApplicationKind kind) {
        if (kind.isOwn()) {
            return Optional.empty();
        }
        return Optional.of(licences.catalogue()
                .byCode(kind.value())
                .orElseThrow(() -> new InvalidInputException(
                        "kind", "Unknown kind '" + kind.value() + "': OWN or the code of an activated partner app.")));
    }

    private static void requirePartnerScopes(PartnerApp partner, Set<Scope> scopes) {
        for (Scope s : scopes) {
            if (!partner.scopes().contains(s)) {
                throw new InvalidInputException(
                        "scopes",
                        "The partner app '" + partner.name() + "' may only request the scopes "
                                + Scope.join(partner.scopes()) + ".");
            }
        }
    }

    private User findUser(String login) {
        return users.findByLogin(RealmId.ERP, LoginName.parse(login))
                .orElseThrow(() -> new InvalidInputException("user", "There is no user '" + login + "'."));
    }

    private static ClientType parseClientType(String raw) {
        if (raw == null) {
            return ClientType.CONFIDENTIAL;
        }
        try {
            return ClientType.valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("clientType", "clientType is CONFIDENTIAL or PUBLIC.");
        }
    }

    private static Set<Scope> parseScopes(List<String> raw) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String s : raw) {
            if (!scopes.add(Scope.fromWireName(s))) {
                throw new InvalidInputException("scopes", "Scope '" + s + "' is listed twice.");
            }
        }
        return scopes;
    }

    private String actor() {
        return session.getCallerPrincipal().getName();
    }
}
