package de.erpconnect.domain.client;

import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.user.User;
import java.util.List;
import java.util.Optional;

/** Applications of one realm. */
public interface ClientApplicationRepository {

    /** An application the admin manages (the built-in client is not one of them). */
    Optional<ClientApplication> findById(RealmId realm, long id);

    default ClientApplication getById(RealmId realm, long id) {
        return findById(realm, id).orElseThrow(() -> new ApplicationNotFoundException(id));
    }

    Optional<ClientApplication> findByClientId(RealmId realm, ClientId clientId);

    /**
     * Stores {@code jwks} as the keys of the application that still names {@code jwksUri}, if they
     * differ from the stored ones; true when a row changed.
     */
    boolean storeFetchedKeys(RealmId realm, ClientId clientId, String jwksUri, String jwks);

    /** The applications the admin manages, without the built-in client. */
    List<ClientApplication> search(RealmId realm, String query, int offset, int limit);

    long count(RealmId realm, String query);

    long countByUser(User user);

    List<ClientApplication> findByUser(User user);

    List<ClientApplication> findByKind(RealmId realm, String kind);

    /** The active applications of a client type (e.g. the public clients, for CORS). */
    List<ClientApplication> findActiveByType(RealmId realm, ClientType type);

    void add(ClientApplication application);

    void remove(ClientApplication application);
}
