package de.erpconnect.interfaces.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;

/** The common layout of the admin pages: who is logged in, and "Abmelden". */
@Named("adminLayout")
@RequestScoped
public class AdminLayoutBacking {

    @Inject
    HttpServletRequest request;

    public String getUser() {
        Principal principal = request.getUserPrincipal();
        return principal == null ? "" : principal.getName();
    }

    /** Ends the session (the FORM login lives in it) and shows the login page. */
    public String logout() {
        return endSession("/login.xhtml");
    }

    /** Ends the session and redirects to {@code page} (the login page of the ERP or the cloud). */
    public static String endSession(String page) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.invalidateSession();
        try {
            external.redirect(external.getRequestContextPath() + page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FacesContext.getCurrentInstance().responseComplete();
        return null;
    }
}
