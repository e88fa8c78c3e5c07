package de.erpconnect.interfaces.admin.events;

import de.erpconnect.application.EventLog;
import de.erpconnect.application.EventLog.EventView;
import de.erpconnect.application.Page;
import de.erpconnect.application.PageRequest;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.interfaces.admin.PageMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

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

    private final LazyDataModel<EventView> model = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) search(0, 1).total();
        }

        @Override
        public List<EventView> load(
                int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            Page<EventView> page = search(first / pageSize, pageSize);
            setRowCount((int) page.total());
            return page.items();
        }

        @Override
        public String getRowKey(EventView event) {
            return Long.toString(event.id());
        }
    };

    private Page<EventView> search(int page, int size) {
        return events.search(type, query, new PageRequest(page, Math.min(size, PageRequest.MAX_SIZE)));
    }

    public LazyDataModel<EventView> getModel() {
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
