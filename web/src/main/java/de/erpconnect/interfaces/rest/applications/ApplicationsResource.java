package de.erpconnect.interfaces.rest.applications;

import de.erpconnect.application.client.ApplicationCommand;
import de.erpconnect.application.client.ApplicationService;
import de.erpconnect.application.client.ApplicationView;
import de.erpconnect.application.client.JwksUriCommand;
import de.erpconnect.application.client.SecretRotationCommand;
import de.erpconnect.application.licence.LicenceService;
import de.erpconnect.application.licence.LicenceView;
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

/**
 * {@code /api/admin/applications}. The create, secret-rotation and FAPI-2.0-off responses are the
 * only ones that contain a client secret; they are marked {@code no-store}.
 */
@ApplicationScoped
@Path("/admin/applications")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationsResource {

    @Inject
    ApplicationService applications;

    @Inject
    Locations locations;

    @Inject
    LicenceService licence;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(ApplicationCommand command) {
        ApplicationView created = applications.create(command);
        return Response.created(locations.of("/api/admin/applications", String.valueOf(created.id())))
                .header("Cache-Control", "no-store")
                .entity(created)
                .build();
    }

    @GET
    public Page<ApplicationView> list(
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("q") String query) {
        return applications.list(
                query, PageRequest.of(QueryValues.optionalInt("page", page), QueryValues.optionalInt("size", size)));
    }

    /** The "Anwendungsart" choices: activated partner apps, and "Eigene Anwendung" on Enterprise. */
    @GET
    @Path("/kinds")
    public Page<LicenceView.ApplicationKindView> kinds() {
        List<LicenceView.ApplicationKindView> all = licence.applicationKinds();
        return new Page<>(all, all.size());
    }

    @GET
    @Path("/{id}")
    public ApplicationView get(@PathParam("id") String id) {
        return applications.get(QueryValues.id(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApplicationView update(@PathParam("id") String id, ApplicationCommand command) {
        return applications.update(QueryValues.id(id), command);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id) {
        applications.delete(QueryValues.id(id));
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/secret")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response rotateSecret(@PathParam("id") String id, SecretRotationCommand command) {
        return Response.ok(applications.rotateSecret(
                        QueryValues.id(id), command == null ? new SecretRotationCommand(null) : command))
                .header("Cache-Control", "no-store")
                .build();
    }

    /**
     * Registers the application's public keys (a JWK Set, RFC 7517 §5) for {@code private_key_jwt}
     * client authentication (RFC 7523 §2.2); its secret stops working at once. {@code POST …/secret}
     * issues a new secret and goes back to it.
     */
    @PUT
    @Path("/{id}/jwks")
    @Consumes({MediaType.APPLICATION_JSON, "application/jwk-set+json"})
    public ApplicationView registerKeys(@PathParam("id") String id, String jwkSet) {
        return applications.registerKeys(QueryValues.id(id), jwkSet);
    }

    /**
     * Registers the URL where the partner app publishes its keys ({@code {"jwksUri":"https://…"}},
     * RFC 7591 §2); the set is fetched at once and again while the application authenticates.
     */
    @PUT
    @Path("/{id}/jwks-uri")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApplicationView registerKeysUri(@PathParam("id") String id, JwksUriCommand command) {
        return applications.registerKeysUri(QueryValues.id(id), command == null ? null : command.jwksUri());
    }

    /**
     * Turns the FAPI 2.0 switch on: private_key_jwt (keys registered before), PAR, DPoP-bound
     * access tokens; the application's grants and earlier tokens are revoked.
     */
    @PUT
    @Path("/{id}/fapi2")
    public ApplicationView enableFapi2(@PathParam("id") String id) {
        return applications.enableFapi2(QueryValues.id(id));
    }

    /** Turns the FAPI 2.0 switch off; the answer holds the new client secret, once. */
    @DELETE
    @Path("/{id}/fapi2")
    public Response disableFapi2(@PathParam("id") String id) {
        return Response.ok(applications.disableFapi2(QueryValues.id(id)))
                .header("Cache-Control", "no-store")
                .build();
    }
}
