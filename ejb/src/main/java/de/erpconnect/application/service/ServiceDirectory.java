package de.erpconnect.application.service;

import de.erpconnect.application.cluster.ClusterCaches;
import de.erpconnect.application.shared.ExpiringCache;
import de.erpconnect.common.Settings;
import de.erpconnect.domain.service.ServiceState;
import de.erpconnect.domain.service.ServiceStateRepository;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Whether the GraphQL-Server runs (and its interactive web UI is on), for every /graphql request: read from the database at most
 * once a second per node, and dropped on a change made here after commit (at once on this node).
 */
@ApplicationScoped
public class ServiceDirectory {

    static final long TTL_MILLIS = 1_000;

    @Inject
    ServiceStateRepository states;

    @Inject
    Settings settings;

    @Inject
    ClusterCaches cluster;

    private final ExpiringCache<String, ServiceState> cache = new ExpiringCache<>(TTL_MILLIS, 16);

    @PostConstruct
    void joinCluster() {
        cluster.register(cache::invalidateAll);
    }

    public boolean graphqlRunning() {
        return cache.get(ServiceState.GRAPHQL_SERVER, states::find)
                .map(ServiceState::running)
                .orElse(false);
    }

    /** Whether the interactive web UI (GraphiQL) is switched on; it also needs the server running. */
    public boolean interactiveEnabled() {
        return cache.get(ServiceState.GRAPHQL_SERVER, states::find)
                .map(s -> s.running() && s.interactive())
                .orElse(false);
    }

    /** Where GraphiQL is served: also the only redirect URI of its built-in client. */
    public String graphiqlUrl() {
        return settings.publicUrl().resolve("/graphiql");
    }

    public void invalidate() {
        cache.invalidate(ServiceState.GRAPHQL_SERVER);
        cluster.changed("service");
    }
}
