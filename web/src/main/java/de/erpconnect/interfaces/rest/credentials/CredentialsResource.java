package de.erpconnect.interfaces.rest.credentials;

import de.erpconnect.application.credential.AccessCredentialCommand;
import de.erpconnect.application.credential.AccessCredentialService;
import de.erpconnect.application.credential.AccessCredentialView;
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
 * {@code /api/admin/credentials}: access credentials ("Zugangsdaten"). No response contains the
 * secret; a second active record of the same kind is a 409.
 */
@ApplicationScoped
@Path("/admin/credentials")
@Produces(MediaType.APPLICATION_JSON)
public class CredentialsResource {

    @Inject
    AccessCredentialService credentials;

    @Inject
    Locations locations;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(AccessCredentialCommand command) {
        AccessCredentialView created = credentials.create(command);
        return Response.created(locations.of("/api/admin/credentials", String.valueOf(created.number())))
                .entity(created)
                .build();
    }

    @GET
    public Page<AccessCredentialView> list(
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("q") String query) {
        return credentials.list(
                query, PageRequest.of(QueryValues.optionalInt("page", page), QueryValues.optionalInt("size", size)));
    }

    /** The "Neu" form: next free number, preselected kind and its name. */
    @GET
    @Path("/new")
    public AccessCredentialView.Template template() {
        return credentials.template();
    }

    /** The kinds ("Art") to choose from. */
    @GET
    @Path("/kinds")
    public Map<String, Object> kinds() {
        List<AccessCredentialView.KindView> all = credentials.kinds();
        return Map.of("items", all, "total", all.size());
    }

    @GET
    @Path("/{number}")
    public AccessCredentialView get(@PathParam("number") String number) {
        return credentials.get(number(number));
    }

    @PUT
    @Path("/{number}")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccessCredentialView update(@PathParam("number") String number, AccessCredentialCommand command) {
        return credentials.update(number(number), command);
    }

    @DELETE
    @Path("/{number}")
    public Response delete(@PathParam("number") String number) {
        credentials.delete(number(number));
        return Response.noContent().build();
    }

    /** "Testen": {@code {"ok":true|false,"message":"…"}}. */
    @POST
    @Path("/{number}/test")
    public AccessCredentialView.TestResult test(@PathParam("number") String number) {
        return credentials.test(number(number));
    }

    private static int number(String raw) {
        return Math.toIntExact(QueryValues.id(raw));
    }
}
