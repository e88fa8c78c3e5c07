package de.erpconnect.interfaces.pages;

import de.erpconnect.interfaces.security.SavedRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The login page: the form posts to the container's {@code j_security_check} (the FORM login of
 * {@code MultiAuthMechanism}) and carries the page the login continues to, so that a partner app's
 * authorization request survives a session that timed out while the page was open.
 */
@Named("loginPage")
@RequestScoped
public class LoginBacking {

    @Inject
    HttpServletRequest request;

    public String getContinueParameter() {
        return SavedRequest.PARAMETER;
    }

    /** The page after the login, or null (then the admin start page). */
    public String getContinueUrl() {
        return SavedRequest.of(request).orElse(null);
    }
}
