package de.erpconnect.interfaces.admin.events;

import de.erpconnect.application.event.EventLog;
import de.erpconnect.application.event.EventLog.EventView;
import de.erpconnect.application.shared.Page;
import de.erpconnect.application.shared.PageRequest;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.interfaces.admin.PageMessages;
import de.erpconnect.interfaces.admin.SearchPage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * "Ereignisprotokoll": the event log newest first, a page at a time, filtered by type and text
 * through {@link EventLog#search}, like {@code /api/admin/events}.
 */
@Named("eventsPage")
@ViewScoped
public class EventsBacking extends SearchPage<EventView> {

    private static final long serialVersionUID = 1L;

    @Inject
    EventLog events;

    private String type = "";

    public EventsBacking() {
        super(e -> Long.toString(e.id()));
    }

    @Override
    protected Page<EventView> search(String query, PageRequest request) {
        return events.search(type, query, request);
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

    public String format(Instant instant) {
        return PageMessages.format(instant);
    }
}
