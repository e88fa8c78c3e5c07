package de.erpconnect.application.licence;

import de.erpconnect.application.event.EventLog;
import de.erpconnect.common.Settings;
import de.erpconnect.common.VendorTrust;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.domain.licence.Activation;
import de.erpconnect.domain.licence.Installation;
import de.erpconnect.domain.licence.LicenceRepository;
import de.erpconnect.domain.licence.LicenceState;
import de.erpconnect.domain.shared.RealmId;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import org.jboss.logging.Logger;

/**
 * The start state of the licence (DESIGN §3): on the first start a dev-mode installation begins a
 * 30-day Enterprise evaluation, a production one runs as STANDARD until the first product key.
 * Hourly it warns in the event log about keys that end within 30 days (once per key).
 */
@Singleton
@Startup
public class LicenceBootstrap {

    private static final Logger LOG = Logger.getLogger(LicenceBootstrap.class);
    static final int WARN_DAYS = 30;

    @Inject
    LicenceRepository licences;

    @Inject
    LicenceDirectory directory;

    @Inject
    VendorTrust vendor;

    @Inject
    Settings settings;

    @Inject
    EventLog events;

    @PostConstruct
    void start() {
        vendor.catalogue();
        if (licences.findInstallation(RealmId.ERP).isEmpty()) {
            licences.add(new Installation(RealmId.ERP, settings.isDev(), Instant.now()));
            LOG.infof(
                    "ERPC0053: first start: the licence is %s",
                    settings.isDev()
                            ? "a 30-day Enterprise evaluation (dev mode)"
                            : "STANDARD until a product key is activated");
        }
        warnAboutExpiries();
    }

    @Schedule(hour = "*", minute = "7", persistent = false)
    void warnAboutExpiries() {
        LocalDate today = Instant.now().atZone(LicenceState.ZONE).toLocalDate();
        for (Activation a : licences.activations(RealmId.ERP)) {
            if (a.isActive() && !a.isExpiryWarned() && !a.getValidUntil().isAfter(today.plusDays(WARN_DAYS))) {
                a.markExpiryWarned();
                events.record(
                        RealmId.ERP,
                        EventType.LICENCE_EXPIRES_SOON,
                        null,
                        null,
                        "Activation " + a.getFingerprint() + " (" + a.getKind() + ") ends on " + a.getValidUntil()
                                + "; ask the vendor for a new key.");
            }
        }
        directory.invalidate();
    }
}
