package de.erpconnect.interfaces.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;

/**
 * The pages are German unless the browser asks for another language: without an
 * {@code Accept-Language} header the servlet container would report its own default locale
 * (often English) as the request's.
 */
@WebFilter(urlPatterns = "*.xhtml", asyncSupported = true)
public class GermanByDefaultFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getHeader("Accept-Language") != null) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(
                new HttpServletRequestWrapper(request) {
                    @Override
                    public Locale getLocale() {
                        return Locale.GERMAN;
                    }

                    @Override
                    public Enumeration<Locale> getLocales() {
                        return Collections.enumeration(java.util.List.of(Locale.GERMAN));
                    }
                },
                response);
    }
}
