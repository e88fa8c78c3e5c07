package de.erpconnect.domain.event;

import de.erpconnect.domain.shared.RealmId;
import java.util.List;

/** The event log, newest first. */
public interface EventRepository {

    void add(Event event);

    List<Event> search(RealmId realm, EventType type, String query, int offset, int limit);

    long count(RealmId realm, EventType type, String query);

    /** Deletes the entries of every realm that occurred before {@code cutoff}; returns how many. */
    int deleteOlderThan(java.time.Instant cutoff);

    /**
     * Replaces a user's login by {@code pseudonym} wherever the log names it (as actor, or quoted in a
     * message) and drops the remote address of those entries; returns how many entries changed.
     */
    int pseudonymize(RealmId realm, String login, String pseudonym);
}
