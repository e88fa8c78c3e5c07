package de.erpconnect.interfaces.rest.events;

import de.erpconnect.application.event.EventLog;
import de.erpconnect.application.shared.Page;
import de.erpconnect.application.shared.PageRequest;
import de.erpconnect.interfaces.rest.QueryValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** {@code /api/admin/events}: the event log, newest first, filterable by type and text. */
@ApplicationScoped
@Path("/admin/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

    @Inject
    EventLog events;

    @GET
    public Page<EventLog.EventView> list(
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @QueryParam("q") String query,
            @QueryParam("type") String type) {
        return events.search(
                type,
                query,
                PageRequest.of(QueryValues.optionalInt("page", page), QueryValues.optionalInt("size", size)));
    }

    /** Deletes the entries older than the retention period now (it also runs daily). */
    @POST
    @Path("/purge")
    public EventLog.PurgeResult purge(@Context SecurityContext security) {
        return events.purge(security.getUserPrincipal().getName());
    }
}
