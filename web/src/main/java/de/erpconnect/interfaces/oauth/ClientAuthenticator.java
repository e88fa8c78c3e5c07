package de.erpconnect.interfaces.oauth;

import de.erpconnect.application.token.ClientAssertions;
import de.erpconnect.domain.client.ClientProof;
import de.erpconnect.domain.token.OAuthError;
import de.erpconnect.domain.token.OAuthException;
import de.erpconnect.interfaces.http.BadRequestBodyException;
import de.erpconnect.interfaces.http.FormParameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads the client authentication of a token, introspection or revocation request (RFC 6749 §2.3):
 * {@code client_secret_basic} (credentials form-urlencoded, then Base64, §2.3.1),
 * {@code client_secret_post}, or {@code private_key_jwt} (RFC 7523 §2.2: {@code client_assertion}
 * with {@code client_assertion_type} {@value ClientAssertions#TYPE}; the client is the assertion's
 * subject, and a {@code client_id} sent with it must be the same); a public client only names
 * itself with {@code client_id}. Using two methods at once is refused. What is presented is
 * checked by the endpoint's service call, so that a token costs one call.
 */
@ApplicationScoped
public class ClientAuthenticator {

    /** What the request presents; {@code endpoint} is the URL it was sent to (an assertion may name it as audience). */
    public ClientProof presented(String authorization, FormParameters form, String endpoint) {
        String assertionType = form.get("client_assertion_type");
        String assertion = form.get("client_assertion");
        if (assertionType != null || assertion != null) {
            return assertion(authorization, form, assertionType, assertion, endpoint);
        }
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
        return ClientProof.secret(clientId, secret);
    }

    private static ClientProof assertion(
            String authorization, FormParameters form, String assertionType, String assertion, String endpoint) {
        if (authorization != null || form.has("client_secret")) {
            throw new OAuthException(
                    OAuthError.INVALID_REQUEST,
                    "Use only one client authentication method (client_assertion, Basic or client_secret).");
        }
        if (!ClientAssertions.TYPE.equals(assertionType)) {
            throw new OAuthException(
                    OAuthError.INVALID_REQUEST, "client_assertion_type must be " + ClientAssertions.TYPE + ".");
        }
        if (assertion == null) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "The parameter client_assertion is missing.");
        }
        if (!ClientAssertions.acceptedAlgorithm(assertion)) {
            // before the client is looked up: the same answer for every client id
            throw new OAuthException(
                    OAuthError.INVALID_CLIENT, "The client assertion must be signed with ES256 or PS256.");
        }
        String clientId = ClientAssertions.subject(assertion)
                .orElseThrow(() -> new OAuthException(
                        OAuthError.INVALID_CLIENT, "The client_assertion is no JWT with a subject (sub)."));
        if (form.has("client_id") && !form.get("client_id").equals(clientId)) {
            throw new OAuthException(OAuthError.INVALID_CLIENT, "client_id differs from the client assertion's sub.");
        }
        return ClientProof.assertion(clientId, assertion, endpoint);
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
