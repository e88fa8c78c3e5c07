package de.erpconnect.interfaces.rest.services;

import de.erpconnect.application.service.AutomationServices;
import de.erpconnect.domain.shared.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code /api/admin/services/graphql-server}: the automation service "GraphQL-Server" — its state
 * and endpoint URL, start, stop, and {@code {"interactive": true}} (Enterprise only).
 */
@ApplicationScoped
@Path("/admin/services/graphql-server")
@Produces(MediaType.APPLICATION_JSON)
public class ServicesResource {

    @Inject
    AutomationServices services;

    @GET
    public AutomationServices.GraphqlServerView get() {
        return services.graphqlServer();
    }

    @POST
    @Path("/start")
    public AutomationServices.GraphqlServerView start(@Context SecurityContext security) {
        return services.start(actor(security));
    }

    @POST
    @Path("/stop")
    public AutomationServices.GraphqlServerView stop(@Context SecurityContext security) {
        return services.stop(actor(security));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public AutomationServices.GraphqlServerView change(ServiceCommand command, @Context SecurityContext security) {
        if (command == null || command.interactive() == null) {
            throw new InvalidInputException("interactive", "The body is {\"interactive\": true|false}.");
        }
        return services.setInteractive(command.interactive(), actor(security));
    }

    /** The body of PUT: the flag "Interaktive Web-Oberfläche aktivieren". */
    public record ServiceCommand(Boolean interactive) {}

    private static String actor(SecurityContext security) {
        return security.getUserPrincipal().getName();
    }
}
