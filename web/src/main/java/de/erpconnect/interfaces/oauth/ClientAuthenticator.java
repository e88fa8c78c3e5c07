package de.erpconnect.interfaces.oauth;

import de.erpconnect.domain.token.OAuthError;
import de.erpconnect.domain.token.OAuthException;
import de.erpconnect.interfaces.http.BadRequestBodyException;
import de.erpconnect.interfaces.http.FormParameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads the client authentication of a token request (RFC 6749 §2.3): {@code client_secret_basic}
 * (credentials form-urlencoded, then Base64, §2.3.1) or {@code client_secret_post}; a public
 * client only names itself with {@code client_id}. Using two methods at once is refused. The
 * secret is checked by the grant's service call, so that a token costs one call.
 */
@ApplicationScoped
public class ClientAuthenticator {

    public PresentedClient presented(String authorization, FormParameters form) {
        String clientId;
        String secret;
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                throw new OAuthException(
                        OAuthError.INVALID_CLIENT, "Only HTTP Basic client authentication is accepted.");
            }
            if (form.has("client_secret")) {
                throw new OAuthException(
                        OAuthError.INVALID_REQUEST,
                        "Use only one client authentication method (Basic or client_secret).");
            }
            String[] pair = decodeBasic(authorization.substring(6).trim());
            clientId = pair[0];
            secret = pair[1];
            if (form.has("client_id") && !form.get("client_id").equals(clientId)) {
                throw new OAuthException(OAuthError.INVALID_REQUEST, "client_id differs from the Basic credentials.");
            }
        } else {
            clientId = form.get("client_id");
            secret = form.get("client_secret");
            if (clientId == null) {
                throw new OAuthException(OAuthError.INVALID_CLIENT, "Client authentication is required.");
            }
        }
        return new PresentedClient(clientId, secret);
    }

    private static String[] decodeBasic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new OAuthException(OAuthError.INVALID_CLIENT, "The Basic credentials are malformed.");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new OAuthException(OAuthError.INVALID_CLIENT, "The Basic credentials are malformed.");
        }
        try {
            return new String[] {
                FormParameters.decodeComponent(decoded.substring(0, colon)),
                FormParameters.decodeComponent(decoded.substring(colon + 1))
            };
        } catch (BadRequestBodyException e) {
            throw new OAuthException(OAuthError.INVALID_CLIENT, "The Basic credentials are malformed.");
        }
    }
}
