package de.erpconnect.infrastructure.jpa;

import de.erpconnect.domain.client.ApplicationKind;
import de.erpconnect.domain.client.ClientApplication;
import de.erpconnect.domain.client.ClientApplicationRepository;
import de.erpconnect.domain.client.ClientId;
import de.erpconnect.domain.client.ClientType;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Applications in JPA. */
@ApplicationScoped
public class JpaClientApplicationRepository implements ClientApplicationRepository {

    private static final RealmSearch<ClientApplication> SEARCH = new RealmSearch<>(
            ClientApplication.class, "lower(e.name) like :q escape '\\'", "e.id", "e.builtIn = false");

    @PersistenceContext(unitName = "erpconnect")
    EntityManager em;

    @Override
    public Optional<ClientApplication> findById(RealmId realm, long id) {
        return Optional.ofNullable(em.find(ClientApplication.class, id))
                .filter(a -> a.getRealm().equals(realm) && !a.isBuiltIn());
    }

    @Override
    public Optional<ClientApplication> findByClientId(RealmId realm, ClientId clientId) {
        return em.createQuery(
                        "select a from ClientApplication a where a.realm = :realm and a.clientId = :clientId",
                        ClientApplication.class)
                .setParameter("realm", realm)
                .setParameter("clientId", clientId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public boolean storeFetchedKeys(RealmId realm, ClientId clientId, String jwksUri, String jwks) {
        return em.createNativeQuery("update client_application set jwks = ?, version = version + 1"
                                + " where realm = ? and client_id = ? and jwks_uri = ? and jwks <> ?")
                        .setParameter(1, jwks)
                        .setParameter(2, realm.value())
                        .setParameter(3, clientId.value())
                        .setParameter(4, jwksUri)
                        .setParameter(5, jwks)
                        .executeUpdate()
                == 1;
    }

    @Override
    public List<ClientApplication> search(RealmId realm, String query, int offset, int limit) {
        return SEARCH.page(em, realm, query, offset, limit);
    }

    @Override
    public long count(RealmId realm, String query) {
        return SEARCH.count(em, realm, query);
    }

    @Override
    public long countByUser(User user) {
        return em.createQuery("select count(a) from ClientApplication a where a.user = :user", Long.class)
                .setParameter("user", user)
                .getSingleResult();
    }

    @Override
    public List<ClientApplication> findByUser(User user) {
        return em.createQuery("select a from ClientApplication a where a.user = :user", ClientApplication.class)
                .setParameter("user", user)
                .getResultList();
    }

    @Override
    public List<ClientApplication> findByKind(RealmId realm, String kind) {
        return em.createQuery(
                        "select a from ClientApplication a where a.realm = :realm and a.kind = :kind",
                        ClientApplication.class)
                .setParameter("realm", realm)
                .setParameter("kind", new ApplicationKind(kind))
                .getResultList();
    }

    @Override
    public List<ClientApplication> findActiveByType(RealmId realm, ClientType type) {
        return em.createQuery(
                        "select a from ClientApplication a where a.realm = :realm and a.clientType = :type"
                                + " and a.active = true",
                        ClientApplication.class)
                .setParameter("realm", realm)
                .setParameter("type", type)
                .getResultList();
    }

    @Override
    public void add(ClientApplication application) {
        em.persist(application);
    }

    @Override
    public void remove(ClientApplication application) {
        em.remove(application);
    }
}
