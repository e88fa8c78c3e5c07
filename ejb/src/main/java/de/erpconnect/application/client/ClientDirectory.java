package de.erpconnect.application.client;

import de.erpconnect.application.cluster.ClusterCaches;
import de.erpconnect.application.shared.ExpiringCache;
import de.erpconnect.domain.client.ClientApplication;
import de.erpconnect.domain.client.ClientApplicationRepository;
import de.erpconnect.domain.client.ClientCredentials;
import de.erpconnect.domain.client.ClientId;
import de.erpconnect.domain.shared.RealmId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Client credentials (hashes only) by client id, cached so that the token endpoint does not query
 * the database on every request; every change made here drops the entry after commit, so a
 * deactivated application or a rotated secret takes effect at once.
 */
@ApplicationScoped
public class ClientDirectory {

    static final long TTL_MILLIS = 30_000;

    private record Key(RealmId realm, String clientId) {}

    @Inject
    ClientApplicationRepository applications;

    @Inject
    ClusterCaches cluster;

    private final ExpiringCache<Key, ClientCredentials> cache = new ExpiringCache<>(TTL_MILLIS, 10_000);

    @PostConstruct
    void joinCluster() {
        cluster.register(cache::invalidateAll);
    }

    public Optional<ClientCredentials> find(RealmId realm, String clientId) {
        if (!ClientId.isWellFormed(clientId)) {
            return Optional.empty();
        }
        return cache.get(
                new Key(realm, clientId),
                k -> applications
                        .findByClientId(k.realm(), new ClientId(k.clientId()))
                        .map(ClientApplication::credentials));
    }

    public void invalidate(ClientApplication application) {
        invalidate(application.getRealm(), application.getClientId());
    }

    public void invalidate(RealmId realm, ClientId clientId) {
        cache.invalidate(new Key(realm, clientId.value()));
        cluster.changed("client");
    }
}
