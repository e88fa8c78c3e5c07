package de.erpconnect.interfaces.auth;

import de.erpconnect.interfaces.oauth.AuthorizationRedirects;
import de.erpconnect.interfaces.oauth.PendingAuthorization;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The consent page ("Zugriff erlauben?"): application, partner, requested scopes. Its form is a
 * plain post to the consent endpoint ({@code ConsentEndpoint}), which answers with the redirect to
 * the application; this bean only shows the pending request. A request that is gone (answered —
 * the back button after arriving at the application — expired, or unknown) shows why instead.
 */
@Named("consentPage")
@RequestScoped
public class ConsentBacking {

    @Inject
    HttpServletRequest request;

    @Inject
    AuthorizationRedirects redirects;

    private PendingAuthorization pending;
    private boolean looked;

    public String getRequestId() {
        return request.getParameter("request");
    }

    public PendingAuthorization getPending() {
        if (!looked) {
            pending = redirects.peek(request.getSession(false), getRequestId()).orElse(null);
            looked = true;
        }
        return pending;
    }

    /** True when this session answered the request a moment ago (the back button after the redirect). */
    public boolean isAnswered() {
        return redirects.answer(request.getSession(false), getRequestId()).isPresent();
    }
}
