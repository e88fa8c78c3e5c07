package de.erpconnect.common;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The public base URL of this server ({@code ERPCONNECT_PUBLIC_URL}): the OAuth issuer and the
 * origin of every URL we print — never derived from a request's {@code Host} header. Production
 * refuses http and IP-address hosts (a domain name with a valid certificate); dev mode also
 * accepts {@code http://localhost}.
 */
public record PublicUrl(String value) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public static PublicUrl parse(String raw, Mode mode) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalStateException("ERPCONNECT_PUBLIC_URL is not set: the server needs its public https URL"
                    + " (for example https://erp.example.com) as OAuth issuer.");
        }
        URI uri;
        try {
            uri = new URI(raw.trim());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("ERPCONNECT_PUBLIC_URL is not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty()
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw new IllegalStateException("ERPCONNECT_PUBLIC_URL must be an origin like https://erp.example.com"
                    + " (optionally with a path), without query, fragment or user info.");
        }
        boolean ipHost = IPV4.matcher(host).matches() || host.startsWith("[");
        if (mode == Mode.PROD) {
            if (!"https".equals(scheme)) {
                throw new IllegalStateException(
                        "ERPCONNECT_PUBLIC_URL must use https in production (got " + scheme + ").");
            }
            if (ipHost) {
                throw new IllegalStateException("ERPCONNECT_PUBLIC_URL must name a domain with a valid certificate in"
                        + " production, not an IP address.");
            }
        } else if (!"https".equals(scheme) && !("http".equals(scheme) && isLocal(host))) {
            throw new IllegalStateException(
                    "ERPCONNECT_PUBLIC_URL must use https (http only for localhost in dev mode).");
        }
        String normalized = scheme + "://" + host + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
                + stripTrailingSlash(uri.getRawPath());
        return new PublicUrl(normalized);
    }

    private static boolean isLocal(String host) {
        return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
    }

    private static String stripTrailingSlash(String path) {
        if (path == null) {
            return "";
        }
        String p = path;
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /** An absolute URL under this origin; {@code path} starts with '/'. */
    public String resolve(String path) {
        return value + path;
    }

    @Override
    public String toString() {
        return value;
    }
}
