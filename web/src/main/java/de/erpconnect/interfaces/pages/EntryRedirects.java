package de.erpconnect.interfaces.pages;

import de.erpconnect.common.Settings;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Addresses a person types, which lead to the page they mean instead of a bare 404: the vendor
 * cloud's portal (its login first), a user's own consents. {@code /} is the start page and
 * {@code /admin/} the admin overview (welcome files).
 */
@WebServlet(urlPatterns = {"/cloud/", "/auth/"})
public class EntryRedirects extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Settings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath();
        String target = path.startsWith("/cloud") ? "/cloud/portal/applications.xhtml" : "/auth/consents.xhtml";
        response.sendRedirect(settings.publicUrl().resolve(target));
    }
}
