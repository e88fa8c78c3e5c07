package de.erpconnect.interfaces.pages;

import de.erpconnect.application.AuthorizationService;
import de.erpconnect.domain.token.OAuthException;
import de.erpconnect.interfaces.oauth.AuthorizationRedirects;
import de.erpconnect.interfaces.oauth.PendingAuthorization;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The consent page ("Zugriff erlauben?"): application, partner, requested scopes; "Zulassen" issues
 * the code and returns to the application, "Ablehnen" returns {@code access_denied}. A pending
 * request is answered once; the Faces view state protects the form against cross-site posts.
 */
@Named("consentPage")
@RequestScoped
public class ConsentBacking {

    @Inject
    HttpServletRequest request;

    @Inject
    AuthorizationRedirects redirects;

    @Inject
    AuthorizationService authorization;

    private boolean remember = true;

    public String getRequestId() {
        return request.getParameter("request");
    }

    public PendingAuthorization getPending() {
        return redirects.peek(request.getSession(false), getRequestId()).orElse(null);
    }

    public boolean isRemember() {
        return remember;
    }

    public void setRemember(boolean remember) {
        this.remember = remember;
    }

    public String allow() {
        Optional<PendingAuthorization> pending = redirects.take(request.getSession(false), getRequestId());
        if (pending.isEmpty()) {
            return null;
        }
        PendingAuthorization p = pending.get();
        try {
            String code = authorization.approve(
                    p.clientId(), p.redirectUri(), p.scope(), p.codeChallenge(), p.codeChallengeMethod(), remember);
            redirect(redirects.success(p.redirectUri(), code, p.state()));
        } catch (OAuthException e) {
            redirect(redirects.error(p.redirectUri(), e.error().code(), e.getMessage(), p.state()));
        }
        return null;
    }

    public String deny() {
        redirects
                .take(request.getSession(false), getRequestId())
                .ifPresent(p -> redirect(
                        redirects.error(p.redirectUri(), "access_denied", "The user denied access.", p.state())));
        return null;
    }

    private static void redirect(String url) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().redirect(url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }
}
