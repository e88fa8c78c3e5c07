package de.erpconnect.interfaces.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;
import java.util.Locale;

/**
 * The one language of a page (German or English), from the browser's {@code Accept-Language}: the
 * first language of its list, in the order of preference, that the pages speak; German when the
 * header is missing (the product's home), English when the browser asks only for languages the
 * pages do not speak (a French browser reads English more likely than German).
 */
public final class PageLanguage {

    private PageLanguage() {}

    public static Locale of(HttpServletRequest request) {
        return of(request.getHeader("Accept-Language"), request.getLocales());
    }

    /** {@code preferred} are the header's languages as the container ordered them (by quality). */
    static Locale of(String header, Enumeration<Locale> preferred) {
        if (header == null || header.isBlank()) {
            return Locale.GERMAN;
        }
        while (preferred.hasMoreElements()) {
            String language = preferred.nextElement().getLanguage();
            if (language.equals("de")) {
                return Locale.GERMAN;
            }
            if (language.equals("en")) {
                return Locale.ENGLISH;
            }
        }
        return Locale.ENGLISH;
    }
}
