package de.erpconnect.domain.event;

import de.erpconnect.domain.shared.PrintableText;
import de.erpconnect.domain.shared.RealmId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One entry of the event log. Immutable once written. */
@Entity
@Table(name = "event_log")
public class Event {

    public static final int MESSAGE_MAX = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "realm", nullable = false, length = RealmId.MAX_LENGTH)
    private RealmId realm;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", nullable = false, length = 48)
    private EventType type;

    @Column(name = "actor", length = 100)
    private String actor;

    @Column(name = "remote_address", length = 64)
    private String remoteAddress;

    @Column(name = "message", nullable = false, length = MESSAGE_MAX)
    private String message;

    protected Event() {}

    public Event(
            RealmId realm, Instant occurredAt, EventType type, String actor, String remoteAddress, String message) {
        this.realm = realm;
        this.occurredAt = occurredAt;
        this.type = type;
        this.actor = clean(actor, 100);
        this.remoteAddress = clean(remoteAddress, 64);
        this.message = clean(message, MESSAGE_MAX);
    }

    /**
     * Erasure of a user's personal data: the login becomes {@code pseudonym} as actor and wherever the
     * message quotes it, and the remote address goes, also from the message text.
     */
    public void pseudonymize(String login, String pseudonym) {
        if (actor != null && actor.equalsIgnoreCase(login)) {
            actor = pseudonym;
        }
        String text = Pattern.compile(Pattern.quote("'" + login + "'"), Pattern.CASE_INSENSITIVE)
                .matcher(message)
                .replaceAll(Matcher.quoteReplacement("'" + pseudonym + "'"));
        if (remoteAddress != null && !remoteAddress.isEmpty()) {
            text = text.replace(remoteAddress, "[address removed]");
        }
        message = clean(text, MESSAGE_MAX);
        remoteAddress = null;
    }

    /**
     * At most {@code max} characters, every control character shown as '?' ({@link PrintableText}):
     * an entry is one line, and a NUL quoted from a request must not make recording it fail.
     */
    private static String clean(String value, int max) {
        return PrintableText.of(value == null || value.length() <= max ? value : value.substring(0, max));
    }

    public Long getId() {
        return id;
    }

    public RealmId getRealm() {
        return realm;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public EventType getType() {
        return type;
    }

    public String getActor() {
        return actor;
    }

    public String getRemoteAddress() {
        return remoteAddress;
    }

    public String getMessage() {
        return message;
    }
}
