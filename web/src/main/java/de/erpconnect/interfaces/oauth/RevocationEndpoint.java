package de.erpconnect.interfaces.oauth;

import de.erpconnect.application.token.TokenService;
import de.erpconnect.domain.client.ClientCredentials;
import de.erpconnect.domain.token.OAuthError;
import de.erpconnect.domain.token.OAuthException;
import de.erpconnect.interfaces.http.FormParameters;
import de.erpconnect.interfaces.security.AccessTokenVerifier;
import de.erpconnect.interfaces.security.InvalidTokenException;
import de.erpconnect.interfaces.security.RemoteAddresses;
import de.erpconnect.interfaces.security.VerifiedToken;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.time.Instant;

/**
 * Token revocation, RFC 7009. The client authenticates as at the token endpoint. An access token
 * (one of our JWTs) goes on the deny list until it expires; a refresh token revokes its grant and
 * so every token issued from it. Unknown, expired or malformed tokens answer 200 (§2.2).
 */
@ApplicationScoped
@Path("/revoke")
public class RevocationEndpoint {

    @Inject
    ClientAuthenticator clientAuthenticator;

    @Inject
    TokenService tokens;

    @Inject
    AccessTokenVerifier verifier;

    @Inject
    RemoteAddresses remoteAddresses;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response revoke(@Context HttpHeaders headers, @Context HttpServletRequest request, InputStream body) {
        FormParameters form = OAuthForms.read(headers, request, body);
        PresentedClient presented = clientAuthenticator.presented(OAuthForms.authorization(headers), form);
        ClientCredentials client =
                tokens.authenticateClient(presented.clientId(), presented.secret(), remoteAddresses.of(request));
        String token = form.get("token");
        if (token == null) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "The parameter token is missing.");
        }
        String hint = form.get("token_type_hint");
        if (hint != null && !hint.equals("access_token") && !hint.equals("refresh_token")) {
            throw new OAuthException(
                    OAuthError.UNSUPPORTED_TOKEN_TYPE, "token_type_hint is access_token or refresh_token.");
        }
        if (token.indexOf('.') > 0) {
            try {
                VerifiedToken verified = verifier.verify(token);
                tokens.revokeAccessToken(
                        client,
                        verified.clientId(),
                        verified.jwtId(),
                        Instant.ofEpochSecond(verified.expiresAtEpochSecond()));
            } catch (InvalidTokenException e) {
                // expired, foreign or malformed: nothing to revoke (RFC 7009 §2.2)
            }
        } else {
            tokens.revokeRefreshToken(client, token);
        }
        return Response.ok().header("Cache-Control", "no-store").build();
    }
}
