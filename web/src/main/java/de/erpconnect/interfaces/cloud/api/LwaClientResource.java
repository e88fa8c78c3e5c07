package de.erpconnect.interfaces.cloud.api;

import de.erpconnect.application.amazon.AmazonViews.LwaClientView;
import de.erpconnect.application.amazon.LwaClients;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /cloud/api/vendor/amazon/lwa-client}: the cloud's Login with Amazon client id and secret.
 * Amazon wants the secret rotated every 180 days; PUT stores the new one (write-only), GET shows
 * when it was set and by when it must be rotated.
 */
@ApplicationScoped
@Path("/vendor/amazon/lwa-client")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("vendor")
public class LwaClientResource {

    /** The LWA client id and secret; the secret is never printed. */
    public record LwaClientCommand(String clientId, String clientSecret) {

        @Override
        public String toString() {
            return "LwaClientCommand[" + clientId + "]";
        }
    }

    @Inject
    LwaClients amazon;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public LwaClientView set(LwaClientCommand command) {
        if (command == null) {
            throw new jakarta.ws.rs.BadRequestException("The request body is missing.");
        }
        return amazon.setLwaClient(command.clientId(), command.clientSecret());
    }

    @GET
    public LwaClientView get() {
        return amazon.lwaClient()
                .orElseThrow(() -> new NotFoundException("No Login with Amazon client is stored yet."));
    }
}
