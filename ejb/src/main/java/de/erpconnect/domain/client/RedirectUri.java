package de.erpconnect.domain.client;

import de.erpconnect.domain.shared.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A registered redirect URI (DESIGN §5, RFC 9700 §4.1, RFC 8252). Registration rules: absolute,
 * no fragment, no user info, no wildcard; {@code https} with a domain name (not an IP address);
 * {@code http} only on a loopback IP literal and only for public (native) clients, whose port
 * then matches any port (RFC 8252 §7.3). Everything else matches by exact string comparison.
 */
public record RedirectUri(String value) {

    public static final int MAX_LENGTH = 2000;
    private static final Pattern DOMAIN =
            Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern PRIVATE_SCHEME = Pattern.compile("[a-z][a-z0-9+.-]*\\.[a-z0-9+.-]+");

    public static RedirectUri register(String raw, ClientType clientType) {
        if (raw == null || raw.isBlank()) {
            throw invalid("A redirect URI must not be empty.");
        }
        if (raw.length() > MAX_LENGTH) {
            throw invalid("A redirect URI must not be longer than " + MAX_LENGTH + " characters.");
        }
        if (raw.contains("*")) {
            throw invalid("Wildcards are not allowed in redirect URIs (RFC 9700): register every URI exactly.");
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw invalid("'" + shorten(raw) + "' is not a valid URI.");
        }
        if (!uri.isAbsolute() || uri.getScheme() == null) {
            throw invalid("A redirect URI must be absolute, e.g. https://app.example.com/callback.");
        }
        if (uri.getRawFragment() != null || raw.contains("#")) {
            throw invalid("A redirect URI must not contain a fragment (#).");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("A redirect URI must not contain user information.");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "https" -> {
                if (host == null || !DOMAIN.matcher(host).matches()) {
                    throw invalid(
                            "An https redirect URI needs a domain name as host (not an IP address or 'localhost').");
                }
            }
            case "http" -> {
                if (clientType != ClientType.PUBLIC) {
                    throw invalid(
                            "Redirect URIs must use https; http is allowed only on a loopback address for public native clients (RFC 8252).");
                }
                if (!isLoopbackLiteral(host)) {
                    throw invalid(
                            "An http redirect URI must use the loopback address 127.0.0.1 or [::1] (RFC 8252 §7.3).");
                }
            }
            default -> {
                if (clientType != ClientType.PUBLIC
                        || !PRIVATE_SCHEME.matcher(scheme).matches()) {
                    throw invalid(
                            "Redirect URIs must use https (private-use schemes like com.example.app: only for public native clients).");
                }
            }
        }
        return new RedirectUri(raw);
    }

    private static boolean isLoopbackLiteral(String host) {
        return "127.0.0.1".equals(host) || "[::1]".equals(host) || "::1".equals(host);
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException("redirectUris", message);
    }

    private static String shorten(String raw) {
        return raw.length() > 80 ? raw.substring(0, 80) + "…" : raw;
    }

    /**
     * Whether a redirect URI sent in an authorization request matches this registered one: exact
     * string match, except that a loopback http URI matches with any port (RFC 8252 §7.3).
     */
    public boolean matches(String requested) {
        if (value.equals(requested)) {
            return true;
        }
        try {
            URI registered = new URI(value);
            URI candidate = new URI(requested);
            return "http".equals(registered.getScheme())
                    && "http".equals(candidate.getScheme())
                    && isLoopbackLiteral(registered.getHost())
                    && registered.getHost().equals(candidate.getHost())
                    && registered.getRawPath().equals(candidate.getRawPath())
                    && java.util.Objects.equals(registered.getRawQuery(), candidate.getRawQuery())
                    && candidate.getRawFragment() == null
                    && candidate.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
