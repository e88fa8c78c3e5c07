package de.erpconnect.domain.client;

import de.erpconnect.domain.shared.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a partner app publishes its public keys for {@code private_key_jwt} (RFC 7591 §2
 * {@code jwks_uri}): an absolute {@code https} URL with a host, without user info or fragment, at
 * most {@value #MAX_LENGTH} characters. {@code http} only where {@code plainHttpAllowed} (the dev
 * mode, for local stand-ins). Which addresses it may reach is decided per connection by the fetcher.
 */
public record JwksUri(URI value) {

    public static final int MAX_LENGTH = 2000;

    public static JwksUri parse(String raw, boolean plainHttpAllowed) {
        if (raw == null || raw.isBlank()) {
            throw invalid("The jwks_uri is required.");
        }
        String trimmed = raw.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw invalid("The jwks_uri may have at most " + MAX_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw invalid("The jwks_uri is not a valid URL.");
        }
        boolean https = "https".equals(uri.getScheme());
        boolean http = "http".equals(uri.getScheme()) && plainHttpAllowed;
        if (!uri.isAbsolute() || !(https || http) || uri.getHost() == null) {
            throw invalid(
                    "The jwks_uri must be an https URL with a host name, e.g. https://app.example.com/jwks.json.");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw invalid("The jwks_uri must not contain user info or a fragment.");
        }
        return new JwksUri(uri);
    }

    @Override
    public String toString() {
        return value.toString();
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException("jwksUri", message);
    }
}
