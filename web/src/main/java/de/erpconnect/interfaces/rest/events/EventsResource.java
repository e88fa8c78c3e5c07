package de.erpconnect.interfaces.rest.events;

import de.erpconnect.application.EventLog;
import de.erpconnect.application.Page;
import de.erpconnect.application.PageRequest;
import de.erpconnect.interfaces.rest.QueryValues;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/admin/events}: the event log, newest first, filterable by type and text. */
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
}
