package de.erpconnect.interfaces.security;

import de.erpconnect.application.cloud.CloudCaller;
import de.erpconnect.application.cluster.ClusterCaches;
import de.erpconnect.application.erp.ErpWriteService;
import de.erpconnect.application.token.BearerCallers;
import de.erpconnect.application.token.SignedJwts;
import de.erpconnect.application.user.AuthenticationService;
import de.erpconnect.application.user.CallerState;
import de.erpconnect.application.user.FirstAdmin;
import de.erpconnect.application.user.LoginThrottle;
import de.erpconnect.common.Settings;
import de.erpconnect.domain.cloud.CustomerNumber;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.user.LockedOutException;
import de.erpconnect.domain.user.LoginName;
import de.erpconnect.interfaces.http.ErrorPages;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the authentication by path (DESIGN §10 "WAR security", verified on WildFly 39):
 * <ul>
 *   <li>{@code /graphql}, {@code /api/*}: bearer tokens of our own issuer; {@code /api/admin/*}
 *       also HTTP Basic for scripts. Sessions are ignored there, so there is no CSRF surface.
 *   <li>{@code /admin/*}, {@code /oauth2/authorize}, {@code /graphiql}: FORM login with a session;
 *       {@code /oauth2/consent} takes the session's login if there is one (it is not protected: a
 *       consent posted after the session ended is answered with a page, not with a login).
 *   <li>{@code /cloud/*}: the vendor cloud's own choice, see {@link #cloud}.
 *   <li>everything else ({@code /oauth2/token}, JWKS, discovery): left to the application, which
 *       authenticates OAuth clients itself.
 * </ul>
 * Roles always come from the live user row, never from the token's {@code groups} (DESIGN §6).
 * It wins over SmallRye's own MP-JWT mechanism bean as an {@code @Alternative} with priority. The
 * container reaches it through {@link MechanismAuthModule}, which holds it from start-up.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class MultiAuthMechanism implements HttpAuthenticationMechanism {

    static final String SESSION_LOGIN = "de.erpconnect.login";
    static final String SESSION_SAVED_URL = SavedRequest.SESSION_ATTRIBUTE;
    static final String LOGIN_PAGE = "/login.xhtml";
    static final String LOGIN_ERROR_PAGE = "/login.xhtml?error=1";
    static final String LOGIN_LOCKED_PAGE = "/login.xhtml?error=locked";
    static final String BASIC_REALM = "ERP Connect";
    static final String SESSION_CLOUD_LOGIN = "de.erpconnect.cloudLogin";
    static final String SESSION_CLOUD_SAVED_URL = "de.erpconnect.cloudSavedUrl";
    static final String CLOUD_LOGIN_ACTION = "/cloud/login";
    static final String CLOUD_LOGIN_PAGE = "/cloud/login.xhtml";
    static final String CLOUD_LOGIN_ERROR_PAGE = "/cloud/login.xhtml?error=1";
    static final String CLOUD_LOGIN_LOCKED_PAGE = "/cloud/login.xhtml?error=locked";
    static final String CLOUD_HOME = "/cloud/portal/applications.xhtml";
    private static final Pattern REALM_API = Pattern.compile("/cloud/realms/([0-9]{1,20})/api(/.*)?");

    @Inject
    AccessTokenVerifier verifier;

    @Inject
    AuthenticationService authentication;

    @Inject
    BearerCallers bearerCallers;

    @Inject
    SignedJwts signedJwts;

    @Inject
    IdentityCache basicCache;

    @Inject
    RemoteAddresses remoteAddresses;

    @Inject
    Settings settings;

    @Inject
    ClusterCaches cluster;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        // every request starts from what the other nodes of a cluster changed (no-op on a single node)
        cluster.catchUp();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!RoleGate.allows(path, settings.erpRole(), settings.cloudRole())) {
            return refuse(request, response, HttpServletResponse.SC_NOT_FOUND, "not_found", "There is nothing here.");
        }
        String authorization = request.getHeader("Authorization");
        if (path.startsWith("/cloud/")) {
            return cloud(path, authorization, request, response, context);
        }
        boolean graphql = path.equals("/graphql") || path.startsWith("/graphql/");
        // the metrics of the operators' scraper are admin-only like the admin API (Basic or bearer)
        boolean adminApi = path.startsWith("/api/admin/") || path.equals("/api/admin") || path.equals("/metrics");
        if (graphql || adminApi || path.startsWith("/api/")) {
            if (startsWithIgnoreCase(authorization, "Bearer ")) {
                return bearer(authorization.substring(7).trim(), graphql, request, response, context);
            }
            if (adminApi && startsWithIgnoreCase(authorization, "Basic ")) {
                return basic(RealmId.ERP, authorization.substring(6).trim(), request, response, context);
            }
            if (!context.isProtected()) {
                return context.doNothing();
            }
            return unauthorized(request, response, adminApi, null, "Authentication is required.");
        }
        if (path.equals("/j_security_check") && "POST".equals(request.getMethod())) {
            return formLogin(request, context);
        }
        if (path.startsWith("/admin/")
                || path.equals("/admin")
                || path.startsWith("/auth/")
                || path.equals("/oauth2/authorize")
                || path.equals("/oauth2/consent")
                || path.equals("/graphiql")) {
            return page(request, context);
        }
        return context.doNothing();
    }

    private AuthenticationStatus bearer(
            String token,
            boolean graphql,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpMessageContext context) {
        VerifiedToken verified;
        try {
            verified = verifier.verify(token);
        } catch (InvalidTokenException e) {
            return unauthorized(request, response, false, "invalid_token", e.getMessage());
        }
        Optional<CallerState> caller = bearerCallers.bearerCaller(
                verified.subject(), verified.clientId(), verified.jwtId(), verified.grantId());
        if (caller.isEmpty()) {
            return unauthorized(
                    request,
                    response,
                    false,
                    "invalid_token",
                    "The token was revoked, or its user or application is deactivated, deleted or not licensed.");
        }
        if (graphql) {
            if (!caller.get().mayUseGraphql()) {
                return unauthorized(request, response, false, "invalid_token", "The user has no GraphQL access.");
            }
            if (!verified.hasScope("graphql")) {
                return forbidden(request, response, "insufficient_scope", "The token lacks the scope 'graphql'.");
            }
        }
        Set<String> roles = new HashSet<>(caller.get().roles());
        if (!verified.hasScope("admin")) {
            roles.remove("admin");
        }
        if (verified.hasScope(ErpWriteService.WRITE_ROLE)) {
            // GraphQL mutations need the scope graphql.write (checked by ErpWriteService)
            roles.add(ErpWriteService.WRITE_ROLE);
        }
        return context.notifyContainerAboutLogin(verified.jwt(), roles);
    }

    private AuthenticationStatus basic(
            RealmId realm,
            String encoded,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpMessageContext context) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return unauthorized(request, response, true, null, "The Basic credentials are malformed.");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return unauthorized(request, response, true, null, "The Basic credentials are malformed.");
        }
        String login = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        // the realm is part of the cache key: the same login in two realms is two people
        String cacheKey = LoginThrottle.subject(realm, login);
        String known = basicCache.find(cacheKey, password);
        Optional<CallerState> caller;
        if (known != null) {
            caller = authentication.activeCaller(realm, known);
        } else {
            try {
                caller = authentication.verifyPassword(realm, login, password, remoteAddresses.of(request));
            } catch (LockedOutException e) {
                response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
                return refuse(request, response, 429, "slow_down", e.getMessage());
            }
            caller.ifPresent(c -> basicCache.remember(cacheKey, password, c.login()));
        }
        if (caller.isEmpty()) {
            return unauthorized(request, response, true, null, "The user name or password is wrong.");
        }
        String principal = realm.equals(RealmId.ERP)
                ? caller.get().login()
                : new CloudCaller(realm, new LoginName(caller.get().login())).principalName();
        return context.notifyContainerAboutLogin(principal, caller.get().roles());
    }

    private AuthenticationStatus formLogin(HttpServletRequest request, HttpMessageContext context) {
        String login = request.getParameter("j_username");
        String password = request.getParameter("j_password");
        Optional<CallerState> caller;
        try {
            caller = login == null || password == null
                    ? Optional.empty()
                    : authentication.verifyPassword(login, password, remoteAddresses.of(request));
        } catch (LockedOutException e) {
            return context.redirect(absolute(
                    withContinue(LOGIN_LOCKED_PAGE, SavedRequest.of(request).orElse(null))));
        }
        // the session's saved page, or the one the login form carries when the session is gone
        String saved = SavedRequest.of(request).orElse(null);
        if (caller.isEmpty()) {
            return context.redirect(absolute(withContinue(LOGIN_ERROR_PAGE, saved)));
        }
        request.getSession(true);
        request.changeSessionId();
        HttpSession session = request.getSession();
        session.removeAttribute(SESSION_SAVED_URL);
        session.setAttribute(SESSION_LOGIN, caller.get().login());
        return context.redirect(absolute(saved != null ? saved : "/admin/"));
    }

    private AuthenticationStatus page(HttpServletRequest request, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        String login = session == null ? null : (String) session.getAttribute(SESSION_LOGIN);
        if (login != null) {
            Optional<CallerState> caller = authentication.activeCaller(login);
            if (caller.isPresent()) {
                return context.notifyContainerAboutLogin(
                        caller.get().login(), caller.get().roles());
            }
            session.invalidate();
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        String query = request.getQueryString();
        request.getSession(true)
                .setAttribute(SESSION_SAVED_URL, request.getRequestURI() + (query == null ? "" : "?" + query));
        return toLogin(request, context.getResponse(), context, absolute(LOGIN_PAGE));
    }

    /**
     * Sends the browser to a login page. A page's AJAX request (its session timed out while the page
     * was open) cannot follow a redirect to HTML: it gets a Faces partial response that tells the
     * page's script to go there (written by {@link ErrorPages}).
     */
    private static AuthenticationStatus toLogin(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context, String login) {
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            request.setAttribute(ErrorPages.PARTIAL_REDIRECT, login);
            return refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED, "login_required", "Log in again.");
        }
        return context.redirect(login);
    }

    /**
     * The vendor cloud (DESIGN §9): the vendor's API with HTTP Basic against the vendor realm; a
     * realm's API with that realm's bearer tokens; the portal pages with the cloud's own FORM login
     * (customer number, user name, password). A cloud identity is kept in its own session attribute,
     * so it never counts on the ERP's pages, nor an ERP login on the cloud's.
     */
    private AuthenticationStatus cloud(
            String path,
            String authorization,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpMessageContext context) {
        if (path.equals("/cloud/api/vendor") || path.startsWith("/cloud/api/vendor/")) {
            if (startsWithIgnoreCase(authorization, "Basic ")) {
                return basic(FirstAdmin.VENDOR_REALM, authorization.substring(6).trim(), request, response, context);
            }
            return unauthorized(request, response, true, null, "Authentication is required.");
        }
        if (path.equals("/cloud/api/platforms") || path.startsWith("/cloud/api/platforms/")) {
            // an ERP installation's calls: the realm is the one the token names (and is verified for)
            if (startsWithIgnoreCase(authorization, "Bearer ")) {
                String token = authorization.substring(7).trim();
                Optional<RealmId> realm = signedJwts.claimedCloudRealm(token);
                if (realm.isEmpty()) {
                    return unauthorized(
                            request, response, false, "invalid_token", "The token is not a cloud realm's token.");
                }
                return realmBearer(realm.get(), token, request, response, context);
            }
            return unauthorized(request, response, false, null, "Authentication is required.");
        }
        Matcher realmApi = REALM_API.matcher(path);
        if (realmApi.matches()) {
            if (startsWithIgnoreCase(authorization, "Bearer ")) {
                return realmBearer(
                        RealmId.of(realmApi.group(1)),
                        authorization.substring(7).trim(),
                        request,
                        response,
                        context);
            }
            return unauthorized(request, response, false, null, "Authentication is required.");
        }
        if (path.equals(CLOUD_LOGIN_ACTION) && "POST".equals(request.getMethod())) {
            return cloudFormLogin(request, context);
        }
        if (path.startsWith("/cloud/portal/")) {
            return cloudPage(request, context);
        }
        return context.doNothing();
    }

    private AuthenticationStatus realmBearer(
            RealmId realm,
            String token,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpMessageContext context) {
        VerifiedToken verified;
        try {
            verified = verifier.verify(realm, token);
        } catch (InvalidTokenException e) {
            return unauthorized(request, response, false, "invalid_token", e.getMessage());
        }
        if (!verified.hasScope("cloud")) {
            return forbidden(request, response, "insufficient_scope", "The token lacks the scope 'cloud'.");
        }
        Optional<CallerState> caller =
                bearerCallers.realmBearerCaller(realm, verified.subject(), verified.clientId(), verified.jwtId());
        if (caller.isEmpty()) {
            return unauthorized(
                    request,
                    response,
                    false,
                    "invalid_token",
                    "The token was revoked, or its application was deleted.");
        }
        String principal = new CloudCaller(realm, new LoginName(caller.get().login())).principalName();
        return context.notifyContainerAboutLogin(principal, Set.of(CloudCaller.CLIENT_ROLE));
    }

    private AuthenticationStatus cloudFormLogin(HttpServletRequest request, HttpMessageContext context) {
        String customer = request.getParameter("customerNumber");
        String login = request.getParameter("username");
        String password = request.getParameter("password");
        RealmId realm;
        try {
            realm = CustomerNumber.parse(customer).realm();
        } catch (RuntimeException malformed) {
            return context.redirect(absolute(CLOUD_LOGIN_ERROR_PAGE));
        }
        Optional<CallerState> caller;
        try {
            caller = login == null || password == null
                    ? Optional.empty()
                    : authentication.verifyPassword(realm, login, password, remoteAddresses.of(request));
        } catch (LockedOutException e) {
            return context.redirect(absolute(CLOUD_LOGIN_LOCKED_PAGE));
        }
        if (caller.isEmpty()) {
            return context.redirect(absolute(CLOUD_LOGIN_ERROR_PAGE));
        }
        HttpSession old = request.getSession(false);
        String saved = old == null ? null : (String) old.getAttribute(SESSION_CLOUD_SAVED_URL);
        request.getSession(true);
        request.changeSessionId();
        HttpSession session = request.getSession();
        session.removeAttribute(SESSION_CLOUD_SAVED_URL);
        session.setAttribute(
                SESSION_CLOUD_LOGIN,
                new CloudCaller(realm, new LoginName(caller.get().login())).principalName());
        return context.redirect(absolute(saved != null ? saved : CLOUD_HOME));
    }

    private AuthenticationStatus cloudPage(HttpServletRequest request, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        String principal = session == null ? null : (String) session.getAttribute(SESSION_CLOUD_LOGIN);
        if (principal != null) {
            CloudCaller known = CloudCaller.parse(principal);
            if (authentication
                    .activeCaller(known.realm(), known.login().value())
                    .isPresent()) {
                return context.notifyContainerAboutLogin(principal, Set.of(CloudCaller.PORTAL_ROLE));
            }
            session.invalidate();
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        String query = request.getQueryString();
        request.getSession(true)
                .setAttribute(SESSION_CLOUD_SAVED_URL, request.getRequestURI() + (query == null ? "" : "?" + query));
        return toLogin(request, context.getResponse(), context, absolute(CLOUD_LOGIN_PAGE));
    }

    /** The login page again, still carrying the page the login continues to. */
    private static String withContinue(String loginPage, String saved) {
        return saved == null
                ? loginPage
                : loginPage + "&" + SavedRequest.PARAMETER + "=" + URLEncoder.encode(saved, StandardCharsets.UTF_8);
    }

    /** Redirect targets are absolute URLs under ERPCONNECT_PUBLIC_URL, never built from the Host header. */
    private String absolute(String path) {
        return settings.publicUrl().resolve(path);
    }

    /** RFC 6750 §3: 401 with a {@code WWW-Authenticate} challenge and a small JSON body. */
    private static AuthenticationStatus unauthorized(
            HttpServletRequest request,
            HttpServletResponse response,
            boolean offerBasic,
            String error,
            String description) {
        response.setHeader("WWW-Authenticate", bearerChallenge(error, description));
        if (offerBasic) {
            response.addHeader("WWW-Authenticate", "Basic realm=\"" + BASIC_REALM + "\", charset=\"UTF-8\"");
        }
        return refuse(
                request,
                response,
                HttpServletResponse.SC_UNAUTHORIZED,
                error == null ? "unauthorized" : error,
                description);
    }

    private static AuthenticationStatus forbidden(
            HttpServletRequest request, HttpServletResponse response, String error, String description) {
        response.setHeader("WWW-Authenticate", bearerChallenge(error, description));
        return refuse(request, response, HttpServletResponse.SC_FORBIDDEN, error, description);
    }

    /** The RFC 6750 §3 challenge: the realm, and the error with its description when there is one. */
    private static String bearerChallenge(String error, String description) {
        String realm = "Bearer realm=\"" + BASIC_REALM + "\"";
        if (error == null) {
            return realm;
        }
        return realm + ", error=\"" + error + "\", error_description=\"" + description.replace("\"", "'") + "\"";
    }

    /**
     * Refuses with the status and the headers set here and leaves the body to the container: it
     * answers the failed authentication with {@code sendError}, whose error dispatch
     * {@link ErrorPages} turns into {@code {"error", "error_description"}} (or a page, on browser
     * paths). Nothing is written or committed here (see {@link ErrorPages} for what writing here
     * once caused).
     */
    private static AuthenticationStatus refuse(
            HttpServletRequest request, HttpServletResponse response, int status, String error, String description) {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        request.setAttribute(ErrorPages.ERROR, error);
        request.setAttribute(ErrorPages.DESCRIPTION, description);
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static boolean startsWithIgnoreCase(String value, String prefix) {
        return value != null && value.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
