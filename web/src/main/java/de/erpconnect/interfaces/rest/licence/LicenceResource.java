package de.erpconnect.interfaces.rest.licence;

import de.erpconnect.application.licence.LicenceService;
import de.erpconnect.application.licence.LicenceView;
import de.erpconnect.application.shared.Page;
import de.erpconnect.interfaces.rest.Locations;
import de.erpconnect.interfaces.rest.QueryValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code /api/admin/licence} (edition, customer number, build), {@code /api/admin/activations}
 * (activate with {@code {"key":"…"}}, list, deactivate) and {@code /api/admin/partner-apps}.
 */
@ApplicationScoped
@Path("/admin")
@Produces(MediaType.APPLICATION_JSON)
public class LicenceResource {

    @Inject
    LicenceService licence;

    @Inject
    Locations locations;

    @GET
    @Path("/licence")
    public LicenceView licence() {
        return licence.licence();
    }

    /** Test servers only (dev mode and erpconnect.licence.test-reset=true); 404 everywhere else. */
    @POST
    @Path("/licence/test-reset")
    public LicenceView resetForTests() {
        return licence.resetForTests();
    }

    @GET
    @Path("/activations")
    public Page<LicenceView.ActivationView> activations() {
        List<LicenceView.ActivationView> all = licence.activations();
        return new Page<>(all, all.size());
    }

    @POST
    @Path("/activations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response activate(ActivationCommand command) {
        LicenceView.ActivationView activation = licence.activate(command == null ? null : command.key());
        return Response.created(locations.of("/api/admin/activations", String.valueOf(activation.id())))
                .entity(activation)
                .build();
    }

    @GET
    @Path("/activations/{id}")
    public LicenceView.ActivationView activation(@PathParam("id") String id) {
        return licence.activation(QueryValues.id(id));
    }

    @DELETE
    @Path("/activations/{id}")
    public Response deactivate(@PathParam("id") String id) {
        licence.deactivate(QueryValues.id(id));
        return Response.noContent().build();
    }

    @GET
    @Path("/partner-apps")
    public Page<LicenceView.PartnerAppView> partnerApps() {
        List<LicenceView.PartnerAppView> all = licence.partnerApps();
        return new Page<>(all, all.size());
    }
}
