package de.erpconnect.application.licence;

import de.erpconnect.application.cluster.ClusterCaches;
import de.erpconnect.application.shared.ExpiringCache;
import de.erpconnect.common.Settings;
import de.erpconnect.common.VendorTrust;
import de.erpconnect.domain.client.ApplicationKind;
import de.erpconnect.domain.client.ClientType;
import de.erpconnect.domain.licence.Installation;
import de.erpconnect.domain.licence.LicenceRepository;
import de.erpconnect.domain.licence.LicenceState;
import de.erpconnect.domain.licence.PartnerAppCatalogue;
import de.erpconnect.domain.shared.RealmId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * The licence in effect, read on every token request and therefore cached for a few seconds;
 * every change made here drops the cache after commit, so an activation or deactivation takes
 * effect at once, and expiries within seconds.
 */
@ApplicationScoped
public class LicenceDirectory {

    static final long TTL_MILLIS = 5_000;

    @Inject
    LicenceRepository licences;

    @Inject
    VendorTrust vendor;

    @Inject
    Settings settings;

    @Inject
    ClusterCaches cluster;

    private final ExpiringCache<RealmId, LicenceState> cache = new ExpiringCache<>(TTL_MILLIS, 100);

    @PostConstruct
    void joinCluster() {
        cluster.register(cache::invalidateAll);
    }

    public LicenceState current() {
        return cache.get(RealmId.ERP, realm -> Optional.of(load(realm))).orElseThrow();
    }

    private LicenceState load(RealmId realm) {
        Instant now = Instant.now();
        Installation installation =
                licences.findInstallation(realm).orElseGet(() -> new Installation(realm, settings.isDev(), now));
        return LicenceState.of(installation, licences.activations(realm), now);
    }

    public PartnerAppCatalogue catalogue() {
        return vendor.catalogue();
    }

    public void invalidate() {
        cache.invalidateAll();
        cluster.changed("licence");
    }

    /** Refusal of the current licence for a client, as an English sentence; empty if allowed. */
    public Optional<String> refusal(ApplicationKind kind, ClientType type) {
        return current().refusal(kind, type, catalogue());
    }
}
