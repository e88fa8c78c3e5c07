package de.erpconnect.interfaces.oauth;

import de.erpconnect.application.IssuedToken;
import de.erpconnect.domain.token.OAuthError;
import de.erpconnect.domain.token.OAuthException;
import de.erpconnect.infrastructure.json.Jsonp;
import de.erpconnect.interfaces.http.FormParameters;
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

/**
 * The token endpoint (RFC 6749 §3.2): reads the form strictly, authenticates the client and hands
 * the request to the class of its grant type. Every answer carries {@code Cache-Control: no-store}.
 */
@Path("/token")
public class TokenEndpoint {

    @Inject
    ClientAuthenticator clientAuthenticator;

    @Inject
    ClientCredentialsGrant clientCredentials;

    @Inject
    AuthorizationCodeGrant authorizationCode;

    @Inject
    RefreshTokenGrant refreshToken;

    @Inject
    RemoteAddresses remoteAddresses;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@Context HttpHeaders headers, InputStream body) {
        FormParameters form = OAuthForms.read(headers, request, body);
        String grantType = form.get("grant_type");
        if (grantType == null) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "The parameter grant_type is missing.");
        }
        if (!ClientCredentialsGrant.TYPE.equals(grantType)
                && !AuthorizationCodeGrant.TYPE.equals(grantType)
                && !RefreshTokenGrant.TYPE.equals(grantType)) {
            throw new OAuthException(
                    OAuthError.UNSUPPORTED_GRANT_TYPE,
                    "Supported grant types: authorization_code, refresh_token, client_credentials.");
        }
        PresentedClient client = clientAuthenticator.presented(OAuthForms.authorization(headers), form);
        String remote = remoteAddresses.of(request);
        IssuedToken token = switch (grantType) {
            case AuthorizationCodeGrant.TYPE -> authorizationCode.handle(client, form, remote);
            case RefreshTokenGrant.TYPE -> refreshToken.handle(client, form, remote);
            default -> clientCredentials.handle(client, form, remote);
        };
        var answer = Jsonp.JSON
                .createObjectBuilder()
                .add("access_token", token.accessToken())
                .add("token_type", "Bearer")
                .add("expires_in", token.expiresIn())
                .add("scope", token.scope());
        if (token.refreshToken() != null) {
            answer.add("refresh_token", token.refreshToken());
        }
        return Response.ok(answer.build().toString())
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }
}
