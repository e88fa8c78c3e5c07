package de.erpconnect.interfaces.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * Where the FORM login continues: the protected page that sent the user to log in. The mechanism
 * keeps it in the session; the login page also carries it in its form ({@value #PARAMETER}), so
 * that a login still continues the partner app's authorization request when the session timed out
 * while the login page was open, or when the browser sent the form twice (the second request
 * arrives with the session id the first one replaced). Only local paths of the pages the login
 * protects are accepted, so the parameter cannot send anyone elsewhere.
 */
public final class SavedRequest {

    /** The form field and query parameter that carry the path. */
    public static final String PARAMETER = "continue";

    static final String SESSION_ATTRIBUTE = "de.erpconnect.savedUrl";
    private static final int MAX_LENGTH = 4096;

    private SavedRequest() {}

    /** The path the login continues to: the session's, else a safe {@value #PARAMETER} parameter. */
    public static Optional<String> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object saved = session == null ? null : session.getAttribute(SESSION_ATTRIBUTE);
        if (saved instanceof String s) {
            return Optional.of(s);
        }
        return Optional.ofNullable(request.getParameter(PARAMETER)).filter(SavedRequest::isSafe);
    }

    /**
     * A local path under one of the pages the FORM login protects: no scheme, no host (not "//"),
     * no backslash, no control character.
     */
    static boolean isSafe(String path) {
        if (path == null || path.length() > MAX_LENGTH || path.startsWith("//") || path.indexOf('\\') >= 0) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x21 || c == 0x7f) {
                return false;
            }
        }
        return path.equals("/oauth2/authorize")
                || path.startsWith("/oauth2/authorize?")
                || path.equals("/graphiql")
                || path.startsWith("/graphiql?")
                || path.startsWith("/admin/")
                || path.equals("/admin")
                || path.startsWith("/auth/");
    }
}
