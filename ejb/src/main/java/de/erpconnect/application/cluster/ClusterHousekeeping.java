package de.erpconnect.application.cluster;

import de.erpconnect.common.Settings;
import de.erpconnect.domain.cluster.CacheInvalidationLog;
import de.erpconnect.domain.cluster.LoginFailureStore;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the cluster tables small: announced changes are needed for seconds, failure counters for
 * {@link LoginFailureStore#FORGET_AFTER} (or while a lockout lasts). Runs on every node; deleting twice
 * is harmless.
 */
@Stateless
@PermitAll
public class ClusterHousekeeping {

    static final Duration KEEP_ANNOUNCEMENTS = Duration.ofMinutes(10);

    @Inject
    Settings settings;

    @Inject
    CacheInvalidationLog log;

    @Inject
    LoginFailureStore failures;

    @Schedule(hour = "*", minute = "*/10", persistent = false)
    void clean() {
        if (!settings.clustered()) {
            return;
        }
        Instant now = Instant.now();
        log.deleteOlderThan(now.minus(KEEP_ANNOUNCEMENTS));
        failures.deleteOlderThan(now.minus(LoginFailureStore.FORGET_AFTER));
    }
}
