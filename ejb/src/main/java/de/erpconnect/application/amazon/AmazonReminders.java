package de.erpconnect.application.amazon;

import de.erpconnect.application.event.EventLog;
import de.erpconnect.application.user.FirstAdmin;
import de.erpconnect.common.Settings;
import de.erpconnect.domain.amazon.AmazonAuthorization;
import de.erpconnect.domain.amazon.AmazonRepository;
import de.erpconnect.domain.event.EventType;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/** The cloud's daily reminders about Amazon in the event log. */
@Stateless
public class AmazonReminders {

    static final Duration REAUTHORIZATION_WARNING = Duration.ofDays(30);

    @Inject
    AmazonRepository amazon;

    @Inject
    Settings settings;

    @Inject
    EventLog events;

    /**
     * Daily reminders in the event log: a seller's re-authorization due within 30 days (in the
     * realm), the LWA client secret's rotation due within 90 days (in the vendor realm).
     */
    @Schedule(hour = "6", minute = "23", persistent = false)
    @PermitAll
    public void remind() {
        if (!settings.cloudRole()) {
            return;
        }
        Instant now = Instant.now();
        for (AmazonAuthorization a : amazon.authorizations()) {
            if (now.plus(REAUTHORIZATION_WARNING).isAfter(a.reauthorizeBy())) {
                events.record(
                        a.getRealm(),
                        EventType.AMAZON_REMINDER,
                        null,
                        null,
                        "The Amazon authorization of region "
                                + a.getSellingRegion().germanName() + " expires on " + a.reauthorizeBy()
                                + " (365 days): renew it with AKTUALISIEREN.");
            }
        }
        amazon.findLwaClient()
                .filter(l -> now.plus(LwaClients.ROTATION_WARNING).isAfter(l.rotateBy()))
                .ifPresent(l -> events.record(
                        FirstAdmin.VENDOR_REALM,
                        EventType.AMAZON_REMINDER,
                        null,
                        null,
                        "The Login with Amazon client secret must be rotated by " + l.rotateBy()
                                + " (every 180 days): enter the new one at /cloud/api/vendor/amazon/lwa-client."));
    }
}
