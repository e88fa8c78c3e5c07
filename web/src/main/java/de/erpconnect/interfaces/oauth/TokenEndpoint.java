package de.erpconnect.interfaces.oauth;

import de.erpconnect.domain.shared.RealmId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/**
 * The token endpoint (RFC 6749 §3.2) of the ERP realm at {@code /oauth2/token}; what it does is in
 * {@link TokenRequests}, shared with the token endpoints of the cloud's realms.
 */
@ApplicationScoped
@Path("/token")
public class TokenEndpoint {

    @Inject
    TokenRequests tokenRequests;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public void token(
            @Context HttpHeaders headers,
            @Context HttpServletRequest request,
            InputStream body,
            @Suspended AsyncResponse response) {
        tokenRequests.answer(() -> RealmId.ERP, headers, request, body, response);
    }
}
