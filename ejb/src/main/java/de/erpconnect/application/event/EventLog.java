package de.erpconnect.application.event;

import de.erpconnect.application.shared.Page;
import de.erpconnect.application.shared.PageRequest;
import de.erpconnect.common.Settings;
import de.erpconnect.domain.event.Event;
import de.erpconnect.domain.event.EventRepository;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.shared.RealmId;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import org.jboss.logging.Logger;

/**
 * The event log ("Ereignisprotokoll"). Administration events join the caller's transaction (they
 * exist only if the change does); security events such as failed logins, and outcomes of remote
 * calls, are written in their own transaction, because the request that causes them fails and
 * rolls back, or runs without one.
 */
@Stateless
public class EventLog {

    private static final Logger LOG = Logger.getLogger(EventLog.class);

    @Inject
    EventRepository events;

    @Inject
    Settings settings;

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

    /** Daily: entries older than the retention period ({@code ERPCONNECT_EVENT_LOG_RETENTION_DAYS}) go. */
    @Schedule(hour = "3", minute = "17", persistent = false)
    void purgeOnSchedule() {
        purgeExpired(null);
    }

    /** The same purge, now, for an admin (the REST API's {@code POST /api/admin/events/purge}). */
    @RolesAllowed("admin")
    public PurgeResult purge(String actor) {
        return purgeExpired(actor);
    }

    private PurgeResult purgeExpired(String actor) {
        int days = settings.eventRetentionDays();
        Instant cutoff = Instant.now().minus(days, ChronoUnit.DAYS);
        int deleted = events.deleteOlderThan(cutoff);
        if (deleted > 0 || actor != null) {
            LOG.infof("ERPC0060: event log: %d entries older than %d days deleted", deleted, days);
            record(
                    RealmId.ERP,
                    EventType.EVENTS_PURGED,
                    actor,
                    null,
                    deleted + " event-log entries older than " + days + " days (before " + cutoff + ") deleted.");
        }
        return new PurgeResult(deleted, days, cutoff);
    }

    /** Erasure of a user's personal data: see {@link EventRepository#pseudonymize}. */
    @RolesAllowed("admin")
    public int pseudonymize(RealmId realm, String login, String pseudonym) {
        return events.pseudonymize(realm, login, pseudonym);
    }

    /** What a purge did. */
    public record PurgeResult(int deleted, int retentionDays, Instant cutoff) {}

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
