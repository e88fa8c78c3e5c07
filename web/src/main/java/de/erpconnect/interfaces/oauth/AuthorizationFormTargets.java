package de.erpconnect.interfaces.oauth;

import de.erpconnect.application.grant.AuthorizationService;
import de.erpconnect.domain.token.AuthorizationPageException;
import de.erpconnect.interfaces.http.ContentSecurityPolicy;
import de.erpconnect.interfaces.http.SecurityHeadersFilter;
import de.erpconnect.interfaces.security.SavedRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the forms of an authorization request's pages end (for their CSP {@code form-action}):
 * the consent page's decision and the login that continues an authorization request whose consent
 * is remembered are both answered with a redirect to the partner app. Only a redirect URI that is
 * registered for the request's client counts; a login page without an authorization request, and
 * every other page, allow no more than {@code 'self'}.
 */
@ApplicationScoped
public class AuthorizationFormTargets implements SecurityHeadersFilter.FormTargets {

    static final String LOGIN_PAGE = "/login.xhtml";
    static final String CONSENT_PAGE = "/auth/consent.xhtml";
    private static final String AUTHORIZE = "/oauth2/authorize?";

    @Inject
    AuthorizationService authorization;

    @Inject
    AuthorizationRedirects redirects;

    @Override
    public List<String> of(HttpServletRequest request, String path) {
        Optional<String> redirectUri = Optional.empty();
        if (path.equals(LOGIN_PAGE)) {
            redirectUri = SavedRequest.of(request).flatMap(this::registeredRedirectUri);
        } else if (path.equals(CONSENT_PAGE)) {
            redirectUri = redirects
                    .peek(request.getSession(false), request.getParameter("request"))
                    .map(PendingAuthorization::redirectUri);
        }
        return redirectUri.flatMap(ContentSecurityPolicy::originOf).stream().toList();
    }

    /** The redirect URI of an authorization request the login continues, if registered for its client. */
    private Optional<String> registeredRedirectUri(String saved) {
        if (!saved.startsWith(AUTHORIZE)) {
            return Optional.empty();
        }
        Map<String, String> query = new HashMap<>();
        for (String pair : saved.substring(AUTHORIZE.length()).split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if ((name.equals("client_id") || name.equals("redirect_uri"))) {
                String value;
                try {
                    value = URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    return Optional.empty();
                }
                if (query.put(name, value) != null) {
                    return Optional.empty();
                }
            }
        }
        String redirectUri = query.get("redirect_uri");
        try {
            authorization.checkClientAndRedirect(query.get("client_id"), redirectUri);
        } catch (AuthorizationPageException unknown) {
            return Optional.empty();
        }
        return Optional.of(redirectUri);
    }
}
