package de.erpconnect.interfaces.oauth;

import de.erpconnect.domain.token.OAuthError;
import de.erpconnect.domain.token.OAuthException;
import de.erpconnect.interfaces.http.FormParameters;
import de.erpconnect.interfaces.http.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.List;

/**
 * The request side shared by the token, revocation and introspection endpoints: a strictly read
 * form body (RFC 6749 §3.2: parameters in the body only, each at most once) and the one
 * Authorization header.
 */
final class OAuthForms {

    static final int MAX_BODY_BYTES = 16 * 1024;

    private OAuthForms() {}

    static FormParameters read(HttpHeaders headers, HttpServletRequest request, InputStream body) {
        MediaType type = headers.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            throw new OAuthException(
                    OAuthError.INVALID_REQUEST, "The request body must be application/x-www-form-urlencoded.");
        }
        if (request.getQueryString() != null) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "Parameters belong in the request body, not the URL.");
        }
        return FormParameters.parse(RequestBodies.readLimited(body, MAX_BODY_BYTES));
    }

    static String authorization(HttpHeaders headers) {
        List<String> values = headers.getRequestHeader(HttpHeaders.AUTHORIZATION);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "Only one Authorization header is allowed.");
        }
        return values.get(0);
    }
}
