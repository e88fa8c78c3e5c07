package de.erpconnect.interfaces.cloud.api;

import de.erpconnect.application.amazon.AmazonViews.PlatformState;
import de.erpconnect.application.amazon.CloudPlatforms;
import de.erpconnect.application.cloud.CloudCaller;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;

/**
 * {@code /cloud/api/platforms}: an ERP installation's platforms in its cloud realm (DESIGN §9),
 * called with a token of the realm's token endpoint. POST registers a platform and answers its
 * Seller Central consent URL; {@code …/{id}/consent} issues a new one; GET reads the login status.
 */
@ApplicationScoped
@Path("/platforms")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("cloud-client")
public class CloudPlatformsResource {

    /** A platform to register: its Bezeichnung (unique in the cloud account) and marketplace country. */
    public record Registration(String name, String country) {}

    @Inject
    CloudPlatforms amazon;

    @Inject
    Locations locations;

    /** The realm and user the request's token speaks for (MultiAuthMechanism set them). */
    private static CloudCaller caller(SecurityContext security) {
        return CloudCaller.parse(security.getUserPrincipal().getName());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(Registration registration, @Context SecurityContext security) {
        if (registration == null) {
            throw new jakarta.ws.rs.BadRequestException("The request body is missing.");
        }
        PlatformState created = amazon.register(caller(security), registration.name(), registration.country());
        return Response.created(locations.of("/cloud/api/platforms", String.valueOf(created.id())))
                .entity(created)
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    public Map<String, Object> list(@Context SecurityContext security) {
        List<PlatformState> all = amazon.platforms(caller(security));
        return Map.of("items", all, "total", all.size());
    }

    @GET
    @Path("/{id}")
    public PlatformState get(@PathParam("id") String id, @Context SecurityContext security) {
        return amazon.platform(caller(security), QueryValues.id(id));
    }

    @POST
    @Path("/{id}/consent")
    public Response consent(@PathParam("id") String id, @Context SecurityContext security) {
        return Response.ok(amazon.consent(caller(security), QueryValues.id(id)))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** "Verbindung prüfen": one SP-API call with the region's access token. */
    @POST
    @Path("/{id}/check")
    public PlatformState check(@PathParam("id") String id, @Context SecurityContext security) {
        return amazon.check(caller(security), QueryValues.id(id));
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id, @Context SecurityContext security) {
        amazon.delete(caller(security), QueryValues.id(id));
        return Response.noContent().build();
    }
}
