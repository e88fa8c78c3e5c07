package de.erpconnect.application.grant;

import de.erpconnect.application.event.EventLog;
import de.erpconnect.application.licence.LicenceDirectory;
import de.erpconnect.application.service.ServiceDirectory;
import de.erpconnect.application.user.CallerDirectory;
import de.erpconnect.application.user.CallerState;
import de.erpconnect.domain.client.ClientApplication;
import de.erpconnect.domain.client.ClientApplicationRepository;
import de.erpconnect.domain.client.ClientId;
import de.erpconnect.domain.client.RedirectUri;
import de.erpconnect.domain.client.Scope;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.domain.grant.AuthorizationCodeRecord;
import de.erpconnect.domain.grant.Grant;
import de.erpconnect.domain.grant.GrantRepository;
import de.erpconnect.domain.grant.OpaqueToken;
import de.erpconnect.domain.grant.Pkce;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.token.AuthorizationAnsweredException;
import de.erpconnect.domain.token.AuthorizationPageException;
import de.erpconnect.domain.token.AuthorizationPageException.Reason;
import de.erpconnect.domain.token.OAuthError;
import de.erpconnect.domain.token.OAuthException;
import de.erpconnect.domain.token.ScopeParameter;
import de.erpconnect.domain.user.LoginName;
import de.erpconnect.domain.user.User;
import de.erpconnect.domain.user.UserRepository;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The authorization endpoint's rules (RFC 6749 §4.1, RFC 7636, RFC 9700): which clients and
 * redirect URIs are known (errors there are shown, never redirected), which scopes, PKCE S256 for
 * every client, who may grant, remembered consent — and the single-use code at the end. The
 * caller is the user logged in through the FORM login.
 */
@Stateless
@PermitAll
public class AuthorizationService {

    static final Duration CODE_LIFETIME = Duration.ofSeconds(60);

    @Inject
    ClientApplicationRepository applications;

    @Inject
    UserRepository users;

    @Inject
    GrantRepository grants;

    @Inject
    CallerDirectory callers;

    @Inject
    LicenceDirectory licences;

    @Inject
    EventLog events;

    @Inject
    ServiceDirectory services;

    @Resource
    SessionContext session;

    /**
     * What the consent page shows, and whether it is needed at all. {@code partnerAppName} is the
     * catalogue's name of a partner app, null for an own application (the page names that kind in
     * its language).
     */
    public record Consent(
            String clientId, String applicationName, String partnerAppName, List<String> scopes, boolean needed) {}

    /**
     * Checks client and redirect URI — the two things that decide whether we may redirect back.
     * Loopback redirect URIs of public native clients match with any port (RFC 8252 §7.3).
     */
    public void checkClientAndRedirect(String clientId, String redirectUri) {
        if (!ClientId.isWellFormed(clientId)) {
            throw new AuthorizationPageException(
                    "invalid_request", Reason.UNKNOWN_CLIENT, "The application (client_id) is missing or unknown.");
        }
        ClientApplication app = applications
                .findByClientId(RealmId.ERP, new ClientId(clientId))
                .orElseThrow(() -> new AuthorizationPageException(
                        "invalid_client", Reason.UNKNOWN_CLIENT, "The application (client_id) is unknown."));
        if (redirectUri == null) {
            throw new AuthorizationPageException(
                    "invalid_request", Reason.MISSING_REDIRECT_URI, "The redirect_uri parameter is required.");
        }
        boolean registered = app.isBuiltIn()
                ? redirectUri.equals(services.graphiqlUrl())
                : app.getRedirectUris().stream().map(RedirectUri::new).anyMatch(r -> r.matches(redirectUri));
        if (!registered) {
            throw new AuthorizationPageException(
                    "invalid_request",
                    Reason.UNREGISTERED_REDIRECT_URI,
                    "The redirect_uri is not registered for this application.");
        }
    }

    /**
     * The rest of the request; every failure here is redirected to the client. {@code pushed}: the
     * request came through PAR (RFC 9126), which an application may require (§6).
     */
    public Consent prepare(
            String clientId,
            String redirectUri,
            String scopeParameter,
            String codeChallenge,
            String method,
            boolean pushed) {
        checkClientAndRedirect(clientId, redirectUri);
        ClientApplication app =
                applications.findByClientId(RealmId.ERP, new ClientId(clientId)).orElseThrow();
        if (!app.isActive()) {
            throw new OAuthException(OAuthError.UNAUTHORIZED_CLIENT, "The application is deactivated.");
        }
        if (!pushed && app.requiresPushedRequests()) {
            throw new OAuthException(
                    OAuthError.INVALID_REQUEST,
                    (app.getFapi2Since() != null
                                    ? "FAPI 2.0 requires pushed authorization requests (PAR, RFC 9126):"
                                    : "This application must push its authorization requests first (PAR, RFC 9126):")
                            + " POST them to /oauth2/par and send only client_id and request_uri here.");
        }
        licences.refusal(app.getKind(), app.getClientType()).ifPresent(reason -> {
            throw new OAuthException(OAuthError.UNAUTHORIZED_CLIENT, reason);
        });
        if (app.isBuiltIn() && !services.interactiveEnabled()) {
            throw new OAuthException(
                    OAuthError.UNAUTHORIZED_CLIENT,
                    "The interactive web UI (GraphiQL) is switched off or the GraphQL-Server is stopped.");
        }
        checkPkce(codeChallenge, method);
        Set<Scope> scopes = requestedScopes(app, scopeParameter);
        CallerState caller = caller();
        if (!caller.mayUseGraphql()) {
            throw new OAuthException(
                    OAuthError.ACCESS_DENIED, "The user has no GraphQL access and cannot grant access.");
        }
        if (scopes.contains(Scope.ADMIN) && !caller.roles().contains("admin")) {
            throw new OAuthException(OAuthError.INVALID_SCOPE, "The scope 'admin' needs a user with the role 'admin'.");
        }
        User user = users.getByLogin(RealmId.ERP, new LoginName(caller.login()));
        // the built-in client is first party: logging in is the consent (as Keycloak's own consoles)
        boolean needed = !app.isBuiltIn()
                && grants.findRemembered(user, app, Instant.now()).stream()
                        .noneMatch(g -> g.covers(scopes, Instant.now()));
        return new Consent(
                clientId,
                app.getName(),
                app.getKind().isOwn()
                        ? null
                        : licences.catalogue()
                                .byCode(app.getKind().value())
                                .map(p -> p.displayName())
                                .orElse(app.getKind().value()),
                scopes.stream().sorted().map(Scope::wireName).toList(),
                needed);
    }

    /**
     * The user's "Zulassen": records (or reuses) the grant and returns a fresh single-use code,
     * valid for {@link #CODE_LIFETIME}, bound to client, redirect URI, scopes and PKCE challenge.
     * {@code authorizationRequest} is the consent page's request id (null without a consent page):
     * a request gets one code only, and a second approval of it changes nothing and fails with
     * {@link AuthorizationAnsweredException}. {@code pushed}: the request came through PAR.
     */
    public String approve(
            String clientId,
            String redirectUri,
            String scopeParameter,
            String codeChallenge,
            String method,
            boolean pushed,
            boolean remember,
            String authorizationRequest) {
        Consent consent = prepare(clientId, redirectUri, scopeParameter, codeChallenge, method, pushed);
        ClientApplication app =
                applications.findByClientId(RealmId.ERP, new ClientId(clientId)).orElseThrow();
        User user = users.getByLogin(RealmId.ERP, new LoginName(caller().login()));
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        consent.scopes().forEach(s -> scopes.add(Scope.fromWireName(s)));
        Instant now = Instant.now();
        Grant grant = grants.findRemembered(user, app, now).stream()
                .filter(g -> g.covers(scopes, now))
                .findFirst()
                .orElseGet(() -> {
                    Grant g = new Grant(user, app, scopes, remember, now);
                    grants.add(g);
                    events.record(
                            RealmId.ERP,
                            EventType.GRANT_CREATED,
                            user.getLogin().value(),
                            null,
                            "User '" + user.getLogin() + "' granted '" + app.getName() + "' the scopes "
                                    + Scope.join(scopes) + ".");
                    return g;
                });
        String code = OpaqueToken.generate();
        boolean stored = grants.storeCode(
                new AuthorizationCodeRecord(
                        OpaqueToken.hash(code),
                        grant.getId(),
                        redirectUri,
                        codeChallenge,
                        Scope.join(scopes),
                        now.plus(CODE_LIFETIME),
                        null),
                authorizationRequest);
        if (!stored) {
            // rolls back the grant this attempt may have recorded
            throw new AuthorizationAnsweredException();
        }
        return code;
    }

    /** PKCE S256, required of every client (RFC 7636, RFC 9700 §2.1.1). */
    static void checkPkce(String codeChallenge, String method) {
        if (codeChallenge == null) {
            throw new OAuthException(
                    OAuthError.INVALID_REQUEST, "PKCE is required: send code_challenge with method S256.");
        }
        if (!"S256".equals(method)) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "Only the PKCE method S256 is accepted (not plain).");
        }
        if (!Pkce.isValidChallenge(codeChallenge)) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "The code_challenge is not a valid S256 challenge.");
        }
    }

    static Set<Scope> requestedScopes(ClientApplication app, String scopeParameter) {
        Set<Scope> requested = ScopeParameter.parse(scopeParameter);
        if (requested.isEmpty()) {
            requested = EnumSet.copyOf(app.getScopes());
            requested.remove(Scope.ADMIN);
        }
        for (Scope s : requested) {
            if (!app.getScopes().contains(s)) {
                throw new OAuthException(
                        OAuthError.INVALID_SCOPE,
                        "The application is not registered for the scope '" + s.wireName() + "'.");
            }
        }
        if (!requested.contains(Scope.GRAPHQL) && !requested.contains(Scope.ADMIN)) {
            throw new OAuthException(OAuthError.INVALID_SCOPE, "Request at least the scope 'graphql'.");
        }
        return requested;
    }

    private CallerState caller() {
        return callers.find(RealmId.ERP, session.getCallerPrincipal().getName())
                .filter(CallerState::active)
                .orElseThrow(() ->
                        new OAuthException(OAuthError.ACCESS_DENIED, "The user is not logged in or deactivated."));
    }
}
