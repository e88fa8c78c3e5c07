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
import java.util.List;
import java.util.Locale;

/**
 * Every page speaks one language, chosen once per request by {@link PageLanguage}: the request's
 * locale is that language for Faces (which would otherwise fall back to German for a French
 * browser and report the container's default locale without a header) and for the pages written
 * outside Faces (error pages, the authorization's messages). API paths are left alone: their
 * answers are JSON for programs.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class PageLanguageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (ApiPaths.isApi(RequestPaths.of(request))) {
            chain.doFilter(request, response);
            return;
        }
        Locale language = PageLanguage.of(request);
        chain.doFilter(
                new HttpServletRequestWrapper(request) {
                    @Override
                    public Locale getLocale() {
                        return language;
                    }

                    @Override
                    public java.util.Enumeration<Locale> getLocales() {
                        return Collections.enumeration(List.of(language));
                    }
                },
                response);
    }
}
