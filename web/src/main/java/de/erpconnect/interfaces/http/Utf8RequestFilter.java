package de.erpconnect.interfaces.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Reads request bodies without a charset as UTF-8 — what JSON (RFC 8259) and our forms are. The
 * servlet default would be ISO-8859-1 and turn a partner app's "Gütersloh" into "GÃ¼tersloh".
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class Utf8RequestFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getCharacterEncoding() == null) {
            request.setCharacterEncoding("UTF-8");
        }
        chain.doFilter(request, response);
    }
}
