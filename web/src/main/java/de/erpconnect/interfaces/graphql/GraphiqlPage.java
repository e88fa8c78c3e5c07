package de.erpconnect.interfaces.graphql;

import de.erpconnect.application.licence.LicenceDirectory;
import de.erpconnect.application.service.ServiceDirectory;
import de.erpconnect.application.user.AuthenticationService;
import de.erpconnect.application.user.CallerState;
import de.erpconnect.domain.licence.Edition;
import de.erpconnect.interfaces.http.ContentSecurityPolicy;
import de.erpconnect.interfaces.http.MessagePage;
import de.erpconnect.interfaces.http.PageTexts;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;

/**
 * The interactive GraphQL web UI (DESIGN §7, "Interaktive Web-Oberfläche aktivieren"): GraphiQL at
 * {@code /graphiql}, behind the FORM login, Enterprise only. The page itself holds no token: its
 * script obtains a short-lived one through the built-in first-party public client
 * {@value #CLIENT_ID} (authorization code with PKCE S256, consent implied), so {@code /graphql}
 * stays bearer-only. Whoever may not use it gets a page that says why: 403 on Core or without
 * GraphQL access, 404 while the flag is off, 503 while the GraphQL-Server is stopped.
 */
@WebServlet("/graphiql")
public class GraphiqlPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The built-in client (migration V9). */
    public static final String CLIENT_ID = "erpconnect-graphiql";

    @Inject
    LicenceDirectory licences;

    @Inject
    ServiceDirectory services;

    @Inject
    AuthenticationService authentication;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PageTexts texts = PageTexts.of(request.getLocale());
        Edition edition = licences.current().edition();
        if (edition != Edition.ENTERPRISE) {
            refuse(response, texts, 403, texts.get("graphiql.enterpriseOnly", edition.name()));
            return;
        }
        if (!services.graphqlRunning()) {
            response.setHeader("Retry-After", "60");
            refuse(response, texts, 503, texts.get("graphiql.stopped"));
            return;
        }
        if (!services.interactiveEnabled()) {
            refuse(response, texts, 404, texts.get("graphiql.off"));
            return;
        }
        CallerState caller = authentication
                .activeCaller(request.getUserPrincipal().getName())
                .orElse(null);
        if (caller == null || !caller.mayUseGraphql()) {
            refuse(response, texts, 403, texts.get("graphiql.noAccess"));
            return;
        }
        String page = services.graphiqlUrl();
        if (!sameHost(request, page)) {
            // the code comes back to the public URL: start there, where the session and PKCE state live
            response.sendRedirect(page);
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        // GraphiQL's style sheet carries its icon fonts as data: URLs
        response.setHeader("Content-Security-Policy", ContentSecurityPolicy.POLICY + "; font-src 'self' data:");
        response.getWriter()
                .write("<!DOCTYPE html><html lang=\"" + texts.locale().getLanguage()
                        + "\"><head><meta charset=\"UTF-8\">"
                        + "<title>GraphiQL – ERP Connect</title>"
                        + "<link rel=\"stylesheet\" href=\"/graphiql-ui/graphiql.min.css\">"
                        + "<link rel=\"stylesheet\" href=\"/graphiql-ui/erpconnect-graphiql.css\"></head>"
                        + "<body data-client-id=\"" + CLIENT_ID + "\""
                        + " data-authorize=\"/oauth2/authorize\" data-token=\"/oauth2/token\""
                        + " data-endpoint=\"/graphql\" data-redirect=\"" + MessagePage.escape(page) + "\""
                        + " data-user=\"" + MessagePage.escape(caller.login()) + "\">"
                        + "<div id=\"graphiql\" role=\"main\">" + MessagePage.escape(texts.get("graphiql.connecting"))
                        + "</div><noscript>" + MessagePage.escape(texts.get("graphiql.needsScript")) + "</noscript>"
                        + "<script src=\"/graphiql-ui/react.production.min.js\"></script>"
                        + "<script src=\"/graphiql-ui/react-dom.production.min.js\"></script>"
                        + "<script src=\"/graphiql-ui/graphiql.min.js\"></script>"
                        + "<script src=\"/graphiql-ui/erpconnect-graphiql.js\"></script>"
                        + "</body></html>");
    }

    private static boolean sameHost(HttpServletRequest request, String publicPage) {
        String host = request.getHeader("Host");
        URI uri = URI.create(publicPage);
        String expected = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        return host != null && host.toLowerCase(Locale.ROOT).equals(expected.toLowerCase(Locale.ROOT));
    }

    private static void refuse(HttpServletResponse response, PageTexts texts, int status, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter()
                .write(MessagePage.html(
                        texts.locale(), texts.get("graphiql.unavailable"), null, message, texts.get("error.home")));
    }
}
