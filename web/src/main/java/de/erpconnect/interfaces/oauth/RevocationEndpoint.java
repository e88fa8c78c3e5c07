package de.erpconnect.interfaces.oauth;

import de.erpconnect.application.token.TokenRevocation;
import de.erpconnect.application.token.VerifiedAccessToken;
import de.erpconnect.common.Settings;
import de.erpconnect.domain.client.ClientProof;
import de.erpconnect.interfaces.http.FormParameters;
import de.erpconnect.interfaces.security.AccessTokenVerifier;
import de.erpconnect.interfaces.security.InvalidTokenException;
import de.erpconnect.interfaces.security.RemoteAddresses;
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
    TokenRevocation revocation;

    @Inject
    AccessTokenVerifier verifier;

    @Inject
    RemoteAddresses remoteAddresses;

    @Inject
    Settings settings;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response revoke(@Context HttpHeaders headers, @Context HttpServletRequest request, InputStream body) {
        FormParameters form = OAuthForms.read(headers, request, body);
        ClientProof presented = clientAuthenticator.presented(
                OAuthForms.authorization(headers), form, settings.publicUrl().resolve("/oauth2/revoke"));
        String token = form.get("token");
        VerifiedAccessToken accessToken = null;
        if (token != null && token.indexOf('.') > 0) {
            try {
                accessToken = verifier.verify(token).facts();
            } catch (InvalidTokenException e) {
                // expired, foreign or malformed: nothing to revoke (RFC 7009 §2.2)
            }
        }
        revocation.revoke(presented, remoteAddresses.of(request), token, form.get("token_type_hint"), accessToken);
        return Response.ok().header("Cache-Control", "no-store").build();
    }
}
