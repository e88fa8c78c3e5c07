package de.erpconnect.interfaces.oauth;

import de.erpconnect.application.grant.PushedAuthorizations;
import de.erpconnect.common.Jsonp;
import de.erpconnect.common.Settings;
import de.erpconnect.domain.client.ClientProof;
import de.erpconnect.interfaces.http.FormParameters;
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
 * The pushed authorization request endpoint, RFC 9126, at {@code /oauth2/par}: the client
 * authenticates as at the token endpoint (a secret, {@code private_key_jwt}, or a public client's
 * {@code client_id}) and posts the parameters of its authorization request; the answer (201) is
 * the {@code request_uri} to send the user's browser to {@code /oauth2/authorize} with, and its
 * lifetime. Errors as at the token endpoint (RFC 6749 §5.2).
 */
@ApplicationScoped
@Path("/par")
public class PushedAuthorizationEndpoint {

    @Inject
    ClientAuthenticator clientAuthenticator;

    @Inject
    PushedAuthorizations pushed;

    @Inject
    RemoteAddresses remoteAddresses;

    @Inject
    Settings settings;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response push(@Context HttpHeaders headers, @Context HttpServletRequest request, InputStream body) {
        FormParameters form = OAuthForms.read(headers, request, body);
        ClientProof client = clientAuthenticator.presented(
                OAuthForms.authorization(headers), form, settings.publicUrl().resolve("/oauth2/par"));
        PushedAuthorizations.Pushed answer = pushed.push(
                client,
                remoteAddresses.of(request),
                new PushedAuthorizations.Parameters(
                        form.get("response_type"),
                        form.get("redirect_uri"),
                        form.get("scope"),
                        form.get("state"),
                        form.get("code_challenge"),
                        form.get("code_challenge_method"),
                        form.get("request_uri")));
        return Response.status(Response.Status.CREATED)
                .entity(Jsonp.JSON
                        .createObjectBuilder()
                        .add("request_uri", answer.requestUri())
                        .add("expires_in", answer.expiresIn())
                        .build()
                        .toString())
                .header("Cache-Control", "no-store")
                .build();
    }
}
