package de.erpconnect.application;

import de.erpconnect.domain.event.Event;
import de.erpconnect.domain.event.EventRepository;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.shared.RealmId;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;

/**
 * The event log ("Ereignisprotokoll"). Administration events join the caller's transaction (they
 * exist only if the change does); security events such as failed logins, and outcomes of remote
 * calls, are written in their own transaction, because the request that causes them fails and
 * rolls back, or runs without one.
 */
@Stateless
public class EventLog {

    @Inject
    EventRepository events;

    @PermitAll
    public void record(RealmId realm, EventType type, String actor, String remoteAddress, String message) {
        events.add(new Event(realm, Instant.now(), type, actor, remoteAddress, message));
    }

    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordIndependently(RealmId realm, EventType type, String actor, String remoteAddress, String message) {
        events.add(new Event(realm, Instant.now(), type, actor, remoteAddress, message));
    }

    @RolesAllowed("admin")
    public Page<EventView> search(String type, String query, PageRequest page) {
        EventType eventType = parseType(type);
        return new Page<>(
                events.search(RealmId.ERP, eventType, query, page.offset(), page.size()).stream()
                        .map(EventView::of)
                        .toList(),
                events.count(RealmId.ERP, eventType, query));
    }

    private static EventType parseType(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        return Arrays.stream(EventType.values())
                .filter(t -> t.name().equals(type))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("type", "Unknown event type '" + type + "'."));
    }

    /** An event-log entry as the admin API shows it. */
    public record EventView(
            long id, Instant occurredAt, String type, String actor, String remoteAddress, String message) {
        static EventView of(Event e) {
            return new EventView(
                    e.getId(),
                    e.getOccurredAt(),
                    e.getType().name(),
                    e.getActor(),
                    e.getRemoteAddress(),
                    e.getMessage());
        }
    }
}
