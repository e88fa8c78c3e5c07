package de.erpconnect.interfaces.security;

import de.erpconnect.application.cluster.ClusterCaches;
import de.erpconnect.application.user.FirstAdmin;
import de.erpconnect.common.Settings;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.interfaces.http.RequestPaths;
import de.erpconnect.interfaces.security.FormAuthentication.Site;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the authentication by path (DESIGN §10 "WAR security", verified on WildFly 39) and hands
 * the request to that scheme's class:
 * <ul>
 *   <li>{@code /graphql}, {@code /api/*}: bearer and DPoP-bound tokens (RFC 6750, RFC 9449) of our
 *       own issuer ({@link BearerAuthentication}); {@code /api/admin/*} and {@code /metrics} also HTTP Basic for scripts
 *       ({@link BasicAuthentication}). Sessions are ignored there, so there is no CSRF surface.
 *   <li>{@code /admin/*}, {@code /auth/*}, {@code /oauth2/authorize}, {@code /graphiql}: the ERP's
 *       FORM login with a session ({@link FormAuthentication}); {@code /oauth2/consent} takes the
 *       session's login if there is one (it is not protected: a consent posted after the session
 *       ended is answered with a page, not with a login).
 *   <li>{@code /cloud/*}: the vendor's API with HTTP Basic against the vendor realm, a realm's API
 *       and the platform API with the realm's bearer tokens, the portal with the cloud's own FORM
 *       login (customer number, user name, password).
 *   <li>everything else ({@code /oauth2/token}, JWKS, discovery): left to the application, which
 *       authenticates OAuth clients itself.
 * </ul>
 * A part whose role is off answers 404 before any authentication ({@link RoleGate}). It wins over
 * SmallRye's own MP-JWT mechanism bean as an {@code @Alternative} with priority; the container
 * reaches it through {@link MechanismAuthModule}, which holds it from start-up.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class MultiAuthMechanism implements HttpAuthenticationMechanism {

    private static final Pattern REALM_API = Pattern.compile("/cloud/realms/([0-9]{1,20})/api(/.*)?");

    @Inject
    BearerAuthentication bearer;

    @Inject
    BasicAuthentication basic;

    @Inject
    FormAuthentication form;

    @Inject
    Settings settings;

    @Inject
    ClusterCaches cluster;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        // every request starts from what the other nodes of a cluster changed (no-op on a single node)
        cluster.catchUp();
        String path = RequestPaths.of(request);
        if (!RoleGate.allows(path, settings.erpRole(), settings.cloudRole())) {
            return Refusals.refuse(
                    request, response, HttpServletResponse.SC_NOT_FOUND, "not_found", "There is nothing here.");
        }
        String authorization = request.getHeader("Authorization");
        if (path.startsWith("/cloud/")) {
            return cloud(path, authorization, request, response, context);
        }
        boolean graphql = path.equals("/graphql") || path.startsWith("/graphql/");
        // the metrics of the operators' scraper are admin-only like the admin API (Basic or bearer)
        boolean adminApi = path.startsWith("/api/admin/") || path.equals("/api/admin") || path.equals("/metrics");
        if (graphql || adminApi || path.startsWith("/api/")) {
            if (Refusals.startsWithIgnoreCase(authorization, "Bearer ")) {
                return bearer.erp(authorization.substring(7).trim(), false, graphql, request, response, context);
            }
            if (Refusals.startsWithIgnoreCase(authorization, "DPoP ")) {
                return bearer.erp(authorization.substring(5).trim(), true, graphql, request, response, context);
            }
            if (adminApi && Refusals.startsWithIgnoreCase(authorization, "Basic ")) {
                return basic.authenticate(
                        RealmId.ERP, authorization.substring(6).trim(), request, response, context);
            }
            if (!context.isProtected()) {
                return context.doNothing();
            }
            AuthenticationStatus refused =
                    Refusals.unauthorized(request, response, adminApi, null, "Authentication is required.");
            Refusals.offerDpop(response);
            return refused;
        }
        if (path.equals(Site.ERP.loginAction) && "POST".equals(request.getMethod())) {
            return form.login(Site.ERP, request, context);
        }
        if (path.startsWith("/admin/")
                || path.equals("/admin")
                || path.startsWith("/auth/")
                || path.equals("/oauth2/authorize")
                || path.equals("/oauth2/consent")
                || path.equals("/graphiql")) {
            return form.page(Site.ERP, request, context);
        }
        return context.doNothing();
    }

    /**
     * The vendor cloud (DESIGN §9). A cloud identity is kept in its own session attribute, so it
     * never counts on the ERP's pages, nor an ERP login on the cloud's.
     */
    private AuthenticationStatus cloud(
            String path,
            String authorization,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpMessageContext context) {
        if (path.equals("/cloud/api/vendor") || path.startsWith("/cloud/api/vendor/")) {
            if (Refusals.startsWithIgnoreCase(authorization, "Basic ")) {
                return basic.authenticate(
                        FirstAdmin.VENDOR_REALM, authorization.substring(6).trim(), request, response, context);
            }
            return Refusals.unauthorized(request, response, true, null, "Authentication is required.");
        }
        if (path.equals("/cloud/api/platforms") || path.startsWith("/cloud/api/platforms/")) {
            // an ERP installation's calls: the realm is the one the token names (and is verified for)
            if (Refusals.startsWithIgnoreCase(authorization, "Bearer ")) {
                return bearer.claimedRealm(authorization.substring(7).trim(), request, response, context);
            }
            return Refusals.unauthorized(request, response, false, null, "Authentication is required.");
        }
        Matcher realmApi = REALM_API.matcher(path);
        if (realmApi.matches()) {
            if (Refusals.startsWithIgnoreCase(authorization, "Bearer ")) {
                return bearer.realm(
                        RealmId.of(realmApi.group(1)),
                        authorization.substring(7).trim(),
                        request,
                        response,
                        context);
            }
            return Refusals.unauthorized(request, response, false, null, "Authentication is required.");
        }
        if (path.equals(Site.CLOUD.loginAction) && "POST".equals(request.getMethod())) {
            return form.login(Site.CLOUD, request, context);
        }
        if (path.startsWith("/cloud/portal/")) {
            return form.page(Site.CLOUD, request, context);
        }
        return context.doNothing();
    }
}
