package de.erpconnect.interfaces.cloud.api;

import de.erpconnect.application.cloud.CloudCommands;
import de.erpconnect.application.cloud.CloudInvitations;
import de.erpconnect.application.cloud.CloudViews.InvitationView;
import de.erpconnect.application.shared.Page;
import de.erpconnect.application.shared.PageRequest;
import de.erpconnect.interfaces.rest.Locations;
import de.erpconnect.interfaces.rest.QueryValues;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /cloud/api/vendor/invitations}: the vendor's registration links (DESIGN §9). The link is in
 * the create response only; the list shows who was invited, until when, and whether it was used.
 */
@ApplicationScoped
@Path("/vendor/invitations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("vendor")
public class InvitationsResource {

    @Inject
    CloudInvitations cloud;

    @Inject
    Locations locations;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(CloudCommands.Invite command) {
        InvitationView created = cloud.invite(command);
        return Response.created(locations.of("/cloud/api/vendor/invitations", String.valueOf(created.id())))
                .entity(created)
                .header("Cache-Control", "no-store")
                .build();
    }

    /** Takes a link back: it stops working at once. */
    @DELETE
    @Path("/{id}")
    public InvitationView withdraw(@PathParam("id") String id) {
        return cloud.withdraw(QueryValues.id(id));
    }

    @GET
    public Page<InvitationView> list(@QueryParam("page") String page, @QueryParam("size") String size) {
        return cloud.invitations(
                PageRequest.of(QueryValues.optionalInt("page", page), QueryValues.optionalInt("size", size)));
    }
}
