package de.erpconnect.interfaces.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Content-Security-Policy of our answers (DESIGN §11). Every page may send its forms only to
 * us ({@code form-action 'self'}), except the pages whose form ends in a redirect to a partner
 * app: browsers apply {@code form-action} to every redirect that follows a form submission, so the
 * login during an authorization request and the consent page also allow exactly the origin of the
 * redirect URI validated for that request — never a wildcard.
 */
public final class ContentSecurityPolicy {

    /** The policy of every answer; Faces pages add the nonce of their scripts (web.xml). */
    public static final String POLICY = "default-src 'self'; frame-ancestors 'none'; form-action 'self'";

    private static final String FORM_ACTION = "form-action 'self'";
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*");
    private static final Pattern HOST = Pattern.compile("[a-z0-9.-]+");

    private ContentSecurityPolicy() {}

    /** {@code policy} with {@code sources} added to its {@code form-action 'self'}. */
    public static String allowingForms(String policy, List<String> sources) {
        if (sources.isEmpty()) {
            return policy;
        }
        return policy.replace(FORM_ACTION, FORM_ACTION + " " + String.join(" ", sources));
    }

    /**
     * The CSP source expression of a redirect URI's origin: {@code https://host[:port]} (a loopback
     * {@code http} URI with its port), or {@code scheme:} for a native app's private-use scheme
     * (RFC 8252 §7.1). Empty when the origin cannot be expressed exactly: CSP host sources have no
     * IPv6 literals.
     */
    public static Optional<String> originOf(String redirectUri) {
        URI uri;
        try {
            uri = new URI(redirectUri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEME.matcher(scheme).matches()) {
            return Optional.empty();
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of(scheme + ":");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!HOST.matcher(host).matches()) {
            return Optional.empty();
        }
        return Optional.of(scheme + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
    }
}
