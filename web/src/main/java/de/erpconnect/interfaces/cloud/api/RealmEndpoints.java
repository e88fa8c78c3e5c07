package de.erpconnect.interfaces.cloud.api;

import de.erpconnect.application.cloud.CloudPortal;
import de.erpconnect.application.cloud.CloudRealms;
import de.erpconnect.application.cloud.CloudViews.AccountView;
import de.erpconnect.application.token.SigningKeys;
import de.erpconnect.common.Jsonp;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.token.OAuthError;
import de.erpconnect.domain.token.OAuthException;
import de.erpconnect.interfaces.oauth.JwksEndpoint;
import de.erpconnect.interfaces.oauth.TokenRequests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * A cloud realm's endpoints (DESIGN §9): its token endpoint (client credentials, the ERP's token
 * code bound to the realm: the realm's issuer, audience and key), its JWKS, and the account its
 * tokens belong to. A customer number without a realm answers 404.
 */
@ApplicationScoped
@Path("/{customerNo}")
public class RealmEndpoints {

    @Inject
    CloudPortal cloud;

    @Inject
    CloudRealms realms;

    @Inject
    TokenRequests tokenRequests;

    @Inject
    SigningKeys signingKeys;

    @POST
    @Path("/oauth2/token")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public void token(
            @PathParam("customerNo") String customerNo,
            @Context HttpHeaders headers,
            @Context HttpServletRequest request,
            InputStream body,
            @Suspended AsyncResponse response) {
        tokenRequests.answer(() -> realm(customerNo), headers, request, body, response);
    }

    @GET
    @Path("/oauth2/jwks")
    @Produces({"application/jwk-set+json", MediaType.APPLICATION_JSON})
    public Response jwks(@PathParam("customerNo") String customerNo) {
        return JwksEndpoint.of(signingKeys, realm(customerNo));
    }

    /** Who a realm token speaks for: the realm's customer number and company, the acting user. */
    @GET
    @Path("/api/account")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("cloud-client")
    public Response account(@PathParam("customerNo") String customerNo) {
        AccountView account = cloud.account();
        return Response.ok(Jsonp.JSON
                        .createObjectBuilder()
                        .add("customerNumber", account.customerNumber())
                        .add("companyName", account.companyName())
                        .add("user", account.user())
                        .build()
                        .toString())
                .header("Cache-Control", "no-store")
                .build();
    }

    private RealmId realm(String customerNo) {
        return realmOf(realms, customerNo);
    }

    /** The realm of a customer number in the path, or the 404 of a realm that does not exist. */
    public static RealmId realmOf(CloudRealms realms, String customerNo) {
        return realms.find(customerNo)
                .orElseThrow(() -> new OAuthException(
                        OAuthError.UNKNOWN_REALM,
                        "No cloud realm is registered for the customer number '"
                                + (customerNo.matches("[0-9]{1,20}") ? customerNo : "?") + "'."));
    }
}
