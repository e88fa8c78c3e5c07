package de.erpconnect.interfaces.rest.grants;

import de.erpconnect.application.grant.GrantService;
import de.erpconnect.application.grant.GrantView;
import de.erpconnect.application.shared.Page;
import de.erpconnect.application.shared.PageRequest;
import de.erpconnect.application.token.SigningKeys;
import de.erpconnect.application.user.LoginThrottle;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.interfaces.rest.QueryValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/**
 * {@code /api/admin/grants}: every grant with user, application, scopes, created and last used,
 * and revocation; {@code /api/admin/signing-keys}: the published keys and their rotation;
 * {@code /api/admin/lockouts}: the brute-force lockouts in effect.
 */
@ApplicationScoped
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
public class GrantsResource {

    @Inject
    GrantService grants;

    @Inject
    SigningKeys signingKeys;

    @Inject
    LoginThrottle throttle;

    @GET
    @Path("/grants")
    public Page<GrantView> list(
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @QueryParam("user") String user,
            @QueryParam("application") String application,
            @QueryParam("revoked") String revoked) {
        return grants.list(
                user,
                application == null ? null : QueryValues.id(application),
                "true".equals(revoked),
                PageRequest.of(QueryValues.optionalInt("page", page), QueryValues.optionalInt("size", size)));
    }

    @DELETE
    @Path("/grants/{id}")
    public Response revoke(@PathParam("id") String id) {
        grants.revoke(QueryValues.id(id));
        return Response.noContent().build();
    }

    @GET
    @Path("/signing-keys")
    public Page<SigningKeys.PublishedKey> signingKeys() {
        List<SigningKeys.PublishedKey> keys = signingKeys.publishedKeys(RealmId.ERP);
        return new Page<>(keys, keys.size());
    }

    /** Client/address and user/address pairs locked after failed attempts (brute-force protection). */
    @GET
    @Path("/lockouts")
    public Page<LoginThrottle.Lockout> lockouts() {
        List<LoginThrottle.Lockout> all = throttle.lockouts();
        return new Page<>(all, all.size());
    }

    @DELETE
    @Path("/lockouts")
    public Response unlock(@Context SecurityContext security) {
        throttle.unlockAll(security.getUserPrincipal().getName());
        return Response.noContent().build();
    }

    @POST
    @Path("/signing-keys/rotate")
    public SigningKeys.PublishedKey rotate(@Context SecurityContext security) {
        return signingKeys.rotate(RealmId.ERP, security.getUserPrincipal().getName());
    }
}
