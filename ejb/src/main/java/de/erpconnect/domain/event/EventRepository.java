package de.erpconnect.domain.event;

import de.erpconnect.domain.shared.RealmId;
import java.util.List;

/** The event log, newest first. */
public interface EventRepository {

    void add(Event event);

    List<Event> search(RealmId realm, EventType type, String query, int offset, int limit);

    long count(RealmId realm, EventType type, String query);
}
