package de.erpconnect.interfaces.oauth;

import de.erpconnect.application.IssuedToken;
import de.erpconnect.domain.token.OAuthError;
import de.erpconnect.domain.token.OAuthException;
import de.erpconnect.infrastructure.json.Jsonp;
import de.erpconnect.interfaces.http.FormParameters;
import de.erpconnect.interfaces.http.RequestBodies;
import de.erpconnect.interfaces.security.RemoteAddresses;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;

/**
 * The token endpoint (RFC 6749 §3.2): reads the form strictly, authenticates the client and hands
 * the request to the class of its grant type. Every answer carries {@code Cache-Control: no-store}.
 */
@Path("/token")
public class TokenEndpoint {

    static final int MAX_BODY_BYTES = 16 * 1024;

    @Inject
    ClientAuthenticator clientAuthenticator;

    @Inject
    ClientCredentialsGrant clientCredentials;

    @Inject
    RemoteAddresses remoteAddresses;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@Context HttpHeaders headers, InputStream body) {
        MediaType type = headers.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            throw new OAuthException(
                    OAuthError.INVALID_REQUEST, "The request body must be application/x-www-form-urlencoded.");
        }
        if (request.getQueryString() != null) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "Parameters belong in the request body, not the URL.");
        }
        FormParameters form = FormParameters.parse(RequestBodies.readLimited(body, MAX_BODY_BYTES));
        String grantType = form.get("grant_type");
        if (grantType == null) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "The parameter grant_type is missing.");
        }
        if (!ClientCredentialsGrant.TYPE.equals(grantType)) {
            throw new OAuthException(OAuthError.UNSUPPORTED_GRANT_TYPE, "Supported grant types: client_credentials.");
        }
        List<String> authorization = headers.getRequestHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.size() > 1) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "Only one Authorization header is allowed.");
        }
        PresentedClient client = clientAuthenticator.presented(
                authorization == null || authorization.isEmpty() ? null : authorization.get(0), form);
        IssuedToken token = clientCredentials.handle(client, form, remoteAddresses.of(request));
        return Response.ok(Jsonp.JSON
                        .createObjectBuilder()
                        .add("access_token", token.accessToken())
                        .add("token_type", "Bearer")
                        .add("expires_in", token.expiresIn())
                        .add("scope", token.scope())
                        .build()
                        .toString())
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }
}
