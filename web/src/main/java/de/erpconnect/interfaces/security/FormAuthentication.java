package de.erpconnect.interfaces.security;

import de.erpconnect.application.cloud.CloudCaller;
import de.erpconnect.application.grant.PushedAuthorizations;
import de.erpconnect.application.user.AuthenticationService;
import de.erpconnect.application.user.CallerState;
import de.erpconnect.common.Settings;
import de.erpconnect.domain.cloud.CustomerNumber;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.user.LockedOutException;
import de.erpconnect.domain.user.LoginName;
import de.erpconnect.interfaces.http.ErrorPages;
import de.erpconnect.interfaces.http.RequestPaths;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The FORM login and the session it starts, one flow for the ERP's pages and the vendor cloud's
 * portal ({@link Site}): a protected page sends the browser to its login page and remembers where
 * it was; the login checks the password (throttled), starts a new session id and goes back there.
 * Each site keeps its identity in its own session attribute, so an ERP login never counts on the
 * cloud's pages, nor a cloud login on the ERP's. Redirects go to the public URL, never to the
 * {@code Host} header.
 */
@ApplicationScoped
class FormAuthentication {

    /** Where a FORM login belongs: its form, its pages, its session attributes, its realm. */
    enum Site {
        /** The ERP's admin pages, the authorization and consent pages, GraphiQL. */
        ERP(
                "/j_security_check",
                "/login.xhtml",
                "j_username",
                "j_password",
                SavedRequest.SESSION_ATTRIBUTE,
                "de.erpconnect.login",
                "/admin/") {
            @Override
            RealmId realm(HttpServletRequest request) {
                return RealmId.ERP;
            }

            @Override
            String principal(RealmId realm, String login) {
                return login;
            }

            @Override
            RealmId realmOf(String principal) {
                return RealmId.ERP;
            }

            @Override
            String loginOf(String principal) {
                return principal;
            }

            @Override
            Set<String> roles(CallerState caller) {
                return caller.roles();
            }

            /**
             * Also the page the login form carries ({@link SavedRequest}), so that a partner app's
             * authorization survives a session that ended while the login page was open.
             */
            @Override
            Optional<String> savedUrl(HttpServletRequest request) {
                return SavedRequest.of(request);
            }

            @Override
            String refused(String error, String saved) {
                String page = super.refused(error, saved);
                return saved == null
                        ? page
                        : page + "&" + SavedRequest.PARAMETER + "=" + URLEncoder.encode(saved, StandardCharsets.UTF_8);
            }
        },

        /** The vendor cloud's portal: customer number, user name, password. */
        CLOUD(
                "/cloud/login",
                "/cloud/login.xhtml",
                "username",
                "password",
                "de.erpconnect.cloudSavedUrl",
                "de.erpconnect.cloudLogin",
                "/cloud/portal/applications.xhtml") {
            @Override
            RealmId realm(HttpServletRequest request) {
                try {
                    return CustomerNumber.parse(request.getParameter("customerNumber"))
                            .realm();
                } catch (RuntimeException malformed) {
                    return null;
                }
            }

            @Override
            String principal(RealmId realm, String login) {
                return new CloudCaller(realm, new LoginName(login)).principalName();
            }

            @Override
            RealmId realmOf(String principal) {
                return CloudCaller.parse(principal).realm();
            }

            @Override
            String loginOf(String principal) {
                return CloudCaller.parse(principal).login().value();
            }

            @Override
            Set<String> roles(CallerState caller) {
                return Set.of(CloudCaller.PORTAL_ROLE);
            }
        };

        final String loginAction;
        final String loginPage;
        final String loginParameter;
        final String passwordParameter;
        final String savedUrlAttribute;
        final String identityAttribute;
        final String home;

        Site(
                String loginAction,
                String loginPage,
                String loginParameter,
                String passwordParameter,
                String savedUrlAttribute,
                String identityAttribute,
                String home) {
            this.loginAction = loginAction;
            this.loginPage = loginPage;
            this.loginParameter = loginParameter;
            this.passwordParameter = passwordParameter;
            this.savedUrlAttribute = savedUrlAttribute;
            this.identityAttribute = identityAttribute;
            this.home = home;
        }

        /** The realm the form names, or null when it names none that exists (a malformed customer number). */
        abstract RealmId realm(HttpServletRequest request);

        /** The name the container knows the caller by: the ERP login, or realm and login in the cloud. */
        abstract String principal(RealmId realm, String login);

        /** The realm of a name made by {@link #principal}. */
        abstract RealmId realmOf(String principal);

        /** The login of a name made by {@link #principal}. */
        abstract String loginOf(String principal);

        abstract Set<String> roles(CallerState caller);

        String login(HttpServletRequest request) {
            return request.getParameter(loginParameter);
        }

        String password(HttpServletRequest request) {
            return request.getParameter(passwordParameter);
        }

        /** The page the login continues to: the one the session remembers. */
        Optional<String> savedUrl(HttpServletRequest request) {
            HttpSession session = request.getSession(false);
            return Optional.ofNullable(session == null ? null : (String) session.getAttribute(savedUrlAttribute));
        }

        /** The login page again after a refusal ({@code error=1} or {@code error=locked}). */
        String refused(String error, String saved) {
            return loginPage + "?error=" + error;
        }
    }

    @Inject
    AuthenticationService authentication;

    @Inject
    RemoteAddresses remoteAddresses;

    @Inject
    Settings settings;

    @Inject
    PushedAuthorizations pushedAuthorizations;

    /** The login form's post: checks the password, starts a new session and continues. */
    AuthenticationStatus login(Site site, HttpServletRequest request, HttpMessageContext context) {
        String saved = site.savedUrl(request).orElse(null);
        RealmId realm = site.realm(request);
        if (realm == null) {
            return context.redirect(absolute(site.refused("1", saved)));
        }
        String login = site.login(request);
        String password = site.password(request);
        Optional<CallerState> caller;
        try {
            caller = login == null || password == null
                    ? Optional.empty()
                    : authentication.verifyPassword(realm, login, password, remoteAddresses.of(request));
        } catch (LockedOutException e) {
            return context.redirect(absolute(site.refused("locked", saved)));
        }
        if (caller.isEmpty()) {
            return context.redirect(absolute(site.refused("1", saved)));
        }
        request.getSession(true);
        request.changeSessionId();
        HttpSession session = request.getSession();
        session.removeAttribute(site.savedUrlAttribute);
        session.setAttribute(
                site.identityAttribute, site.principal(realm, caller.get().login()));
        return context.redirect(absolute(saved != null ? saved : site.home));
    }

    /**
     * A page of the site: the session's caller, while still active; a protected page without one
     * sends the browser to the login page and remembers where it was.
     */
    AuthenticationStatus page(Site site, HttpServletRequest request, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        String principal = session == null ? null : (String) session.getAttribute(site.identityAttribute);
        if (principal != null) {
            Optional<CallerState> caller =
                    authentication.activeCaller(site.realmOf(principal), site.loginOf(principal));
            if (caller.isPresent()) {
                return context.notifyContainerAboutLogin(principal, site.roles(caller.get()));
            }
            session.invalidate();
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        String query = request.getQueryString();
        request.getSession(true)
                .setAttribute(site.savedUrlAttribute, request.getRequestURI() + (query == null ? "" : "?" + query));
        if (site == Site.ERP
                && "GET".equals(request.getMethod())
                && RequestPaths.of(request).equals("/oauth2/authorize")) {
            // a pushed request (RFC 9126) waits while the user logs in
            pushedAuthorizations.holdForLogin(request.getParameter("client_id"), request.getParameter("request_uri"));
        }
        return toLogin(request, context.getResponse(), context, absolute(site.loginPage));
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
            return Refusals.refuse(
                    request, response, HttpServletResponse.SC_UNAUTHORIZED, "login_required", "Log in again.");
        }
        return context.redirect(login);
    }

    private String absolute(String path) {
        return settings.publicUrl().resolve(path);
    }
}
