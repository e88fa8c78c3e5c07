package de.erpconnect.interfaces.admin.events;

import de.erpconnect.application.EventLog;
import de.erpconnect.application.EventLog.EventView;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.interfaces.admin.PageMessages;
import de.erpconnect.interfaces.admin.PagedModel;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * "Ereignisprotokoll": the event log newest first, a page at a time, filtered by type and text
 * through {@link EventLog#search}, like {@code /api/admin/events}.
 */
@Named("eventsPage")
@ViewScoped
public class EventsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    EventLog events;

    private String type = "";
    private String query = "";

    private final PagedModel<EventView> model =
            new PagedModel<>(request -> events.search(type, query, request), e -> Long.toString(e.id()));

    public PagedModel<EventView> getModel() {
        return model;
    }

    public List<String> getTypes() {
        return Arrays.stream(EventType.values()).map(Enum::name).sorted().toList();
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type == null ? "" : type;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query == null ? "" : query.strip();
    }

    public String format(Instant instant) {
        return PageMessages.format(instant);
    }
}
