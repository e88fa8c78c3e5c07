package de.erpconnect.interfaces.security;

import de.erpconnect.application.token.DpopProofs;
import de.erpconnect.interfaces.http.ErrorPages;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * How every scheme refuses: status and headers here, the body by the container's error dispatch
 * ({@link ErrorPages}: {@code {"error", "error_description"}} on API paths, a page elsewhere).
 * Nothing is written or committed here (see {@link ErrorPages} for what writing here once caused).
 */
final class Refusals {

    static final String BASIC_REALM = "ERP Connect";

    private Refusals() {}

    /** RFC 6750 §3: 401 with a {@code WWW-Authenticate} challenge and a small JSON body. */
    static AuthenticationStatus unauthorized(
            HttpServletRequest request,
            HttpServletResponse response,
            boolean offerBasic,
            String error,
            String description) {
        response.setHeader("WWW-Authenticate", bearerChallenge(error, description));
        if (offerBasic) {
            response.addHeader("WWW-Authenticate", "Basic realm=\"" + BASIC_REALM + "\", charset=\"UTF-8\"");
        }
        return refuse(
                request,
                response,
                HttpServletResponse.SC_UNAUTHORIZED,
                error == null ? "unauthorized" : error,
                description);
    }

    static AuthenticationStatus forbidden(
            HttpServletRequest request, HttpServletResponse response, String error, String description) {
        response.setHeader("WWW-Authenticate", bearerChallenge(error, description));
        return refuse(request, response, HttpServletResponse.SC_FORBIDDEN, error, description);
    }

    /**
     * The same refusal for a request that presented a DPoP-bound token (RFC 9449 §7.1): the
     * challenge names the scheme {@code DPoP} and the algorithms of proofs; with the server's nonce
     * in {@code DPoP-Nonce} when that is what the proof lacked.
     */
    static AuthenticationStatus dpopRefused(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            String error,
            String description,
            String nonce) {
        response.setHeader("WWW-Authenticate", dpopChallenge(error, description));
        if (nonce != null) {
            response.setHeader(DpopProofs.NONCE_HEADER, nonce);
        }
        return refuse(request, response, status, error, description);
    }

    /** An API request without credentials may use either scheme: both are offered (RFC 9449 §7.2). */
    static void offerDpop(HttpServletResponse response) {
        response.addHeader("WWW-Authenticate", dpopChallenge(null, null));
    }

    /** The RFC 6750 §3 challenge: the realm, and the error with its description when there is one. */
    private static String bearerChallenge(String error, String description) {
        return challenge("Bearer realm=\"" + BASIC_REALM + "\"", error, description);
    }

    private static String dpopChallenge(String error, String description) {
        return challenge("DPoP algs=\"" + String.join(" ", DpopProofs.ALGORITHMS) + "\"", error, description);
    }

    private static String challenge(String scheme, String error, String description) {
        if (error == null) {
            return scheme;
        }
        return scheme + ", error=\"" + error + "\", error_description=\"" + quotable(description) + "\"";
    }

    /**
     * A description as a quoted-string of RFC 6750 §3 allows (printable ASCII without {@code "} and
     * {@code \\}): it may repeat what the request sent (a proof key's alg), so nothing else gets through.
     */
    static String quotable(String description) {
        StringBuilder out = new StringBuilder(description.length());
        for (char c : description.toCharArray()) {
            out.append(c == '"' ? '\'' : c < 0x20 || c > 0x7e || c == '\\' ? '?' : c);
        }
        return out.toString();
    }

    /** Refuses with the status and the headers set here and leaves the body to the container. */
    static AuthenticationStatus refuse(
            HttpServletRequest request, HttpServletResponse response, int status, String error, String description) {
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        request.setAttribute(ErrorPages.ERROR, error);
        request.setAttribute(ErrorPages.DESCRIPTION, description);
        return AuthenticationStatus.SEND_FAILURE;
    }

    static boolean startsWithIgnoreCase(String value, String prefix) {
        return value != null && value.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
