package de.erpconnect.application.user;

import de.erpconnect.application.cluster.ClusterCaches;
import de.erpconnect.application.shared.ExpiringCache;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.user.LoginName;
import de.erpconnect.domain.user.UserRepository;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Live user state for authentication and authorization, cached for a few seconds (a partner app
 * sends many requests) and dropped on every change made here, after commit — so deactivating a
 * user or removing GraphQL access takes effect at once (DESIGN §4).
 */
@ApplicationScoped
public class CallerDirectory {

    static final long TTL_MILLIS = 5_000;

    private record Key(RealmId realm, String login) {}

    @Inject
    UserRepository users;

    @Inject
    ClusterCaches cluster;

    private final ExpiringCache<Key, CallerState> cache = new ExpiringCache<>(TTL_MILLIS, 10_000);

    @PostConstruct
    void joinCluster() {
        cluster.register(cache::invalidateAll);
    }

    public Optional<CallerState> find(RealmId realm, String login) {
        if (login == null) {
            return Optional.empty();
        }
        return cache.get(new Key(realm, login), k -> {
            try {
                return users.findByLogin(k.realm(), new LoginName(k.login())).map(CallerState::of);
            } catch (RuntimeException malformed) {
                return Optional.empty();
            }
        });
    }

    public void invalidate(RealmId realm, LoginName login) {
        Key key = new Key(realm, login.value());
        cache.invalidate(key);
        cluster.changed("caller");
    }
}
