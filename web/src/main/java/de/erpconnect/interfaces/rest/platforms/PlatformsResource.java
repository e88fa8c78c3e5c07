package de.erpconnect.interfaces.rest.platforms;

import de.erpconnect.application.platform.PlatformCommand;
import de.erpconnect.application.platform.PlatformLogin;
import de.erpconnect.application.platform.PlatformService;
import de.erpconnect.application.platform.PlatformView;
import de.erpconnect.application.shared.Page;
import de.erpconnect.application.shared.PageRequest;
import de.erpconnect.interfaces.rest.Locations;
import de.erpconnect.interfaces.rest.QueryValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/admin/platforms}: "E-COMMERCE → PLATTFORMEN" (DESIGN §9). {@code …/{id}/sign-in} is
 * ANMELDEN (answers the Seller Central consent URL), {@code …/{id}/consent} AKTUALISIEREN,
 * {@code …/{id}/refresh} reads the login status from the cloud; DELETE deletes in the cloud first
 * (503 and nothing deleted when the cloud cannot be reached).
 */
@ApplicationScoped
@Path("/admin/platforms")
@Produces(MediaType.APPLICATION_JSON)
public class PlatformsResource {

    @Inject
    PlatformService platforms;

    @Inject
    PlatformLogin login;

    @Inject
    Locations locations;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(PlatformCommand command) {
        PlatformView created = platforms.create(command);
        return Response.created(locations.of("/api/admin/platforms", String.valueOf(created.id())))
                .entity(created)
                .build();
    }

    @GET
    public Page<PlatformView> list(
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("q") String query) {
        return platforms.list(
                query, PageRequest.of(QueryValues.optionalInt("page", page), QueryValues.optionalInt("size", size)));
    }

    /** The "Region" choices with their selling regions. */
    @GET
    @Path("/regions")
    public Map<String, Object> regions() {
        List<PlatformView.Region> all = platforms.regions();
        return Map.of("items", all, "total", all.size());
    }

    @GET
    @Path("/{id}")
    public PlatformView get(@PathParam("id") String id) {
        return platforms.get(QueryValues.id(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public PlatformView update(@PathParam("id") String id, PlatformCommand command) {
        return platforms.update(QueryValues.id(id), command);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        platforms.delete(QueryValues.id(id));
        return Response.noContent().build();
    }

    /** ANMELDEN: registers the platform in the cloud; the answer carries the consent URL. */
    @POST
    @Path("/{id}/sign-in")
    public PlatformView signIn(@PathParam("id") String id) {
        return login.signIn(QueryValues.id(id));
    }

    /** AKTUALISIEREN: a new consent URL for the existing authorization. */
    @POST
    @Path("/{id}/consent")
    public PlatformView consent(@PathParam("id") String id) {
        return login.renewConsent(QueryValues.id(id));
    }

    /** "Verbindung prüfen": one SP-API call through the cloud; the marketplaces found. */
    @POST
    @Path("/{id}/check")
    public PlatformView check(@PathParam("id") String id) {
        return login.check(QueryValues.id(id));
    }

    /** The login status as the cloud reports it now. */
    @POST
    @Path("/{id}/refresh")
    public PlatformView refresh(@PathParam("id") String id) {
        return login.refresh(QueryValues.id(id));
    }
}
