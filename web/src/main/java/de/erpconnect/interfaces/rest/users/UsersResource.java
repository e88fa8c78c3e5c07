package de.erpconnect.interfaces.rest.users;

import de.erpconnect.application.shared.Page;
import de.erpconnect.application.shared.PageRequest;
import de.erpconnect.application.user.UserCommand;
import de.erpconnect.application.user.UserService;
import de.erpconnect.application.user.UserView;
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

/** {@code /api/admin/users}: create, list, read, change and delete users. */
@ApplicationScoped
@Path("/admin/users")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    UserService users;

    @Inject
    Locations locations;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(UserCommand command) {
        UserView created = users.create(command);
        return Response.created(locations.of("/api/admin/users", created.login()))
                .entity(created)
                .build();
    }

    @GET
    public Page<UserView> list(
            @QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("q") String query) {
        return users.list(
                query, PageRequest.of(QueryValues.optionalInt("page", page), QueryValues.optionalInt("size", size)));
    }

    @GET
    @Path("/{login}")
    public UserView get(@PathParam("login") String login) {
        return users.get(login);
    }

    @PUT
    @Path("/{login}")
    @Consumes(MediaType.APPLICATION_JSON)
    public UserView update(@PathParam("login") String login, UserCommand command) {
        return users.update(login, command);
    }

    @DELETE
    @Path("/{login}")
    public Response delete(@PathParam("login") String login) {
        users.delete(login);
        return Response.noContent().build();
    }

    /** Erasure of the user's personal data on request (the account goes, the event log is pseudonymized). */
    @POST
    @Path("/{login}/erase")
    public UserService.ErasureView erase(@PathParam("login") String login) {
        return users.erasePersonalData(login);
    }
}
