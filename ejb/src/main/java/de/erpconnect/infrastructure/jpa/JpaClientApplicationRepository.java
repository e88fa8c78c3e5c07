package de.erpconnect.infrastructure.jpa;

import de.erpconnect.domain.application.ClientApplication;
import de.erpconnect.domain.application.ClientApplicationRepository;
import de.erpconnect.domain.application.ClientId;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Applications in JPA. */
@ApplicationScoped
public class JpaClientApplicationRepository implements ClientApplicationRepository {

    @PersistenceContext(unitName = "erpconnect")
    EntityManager em;

    @Override
    public Optional<ClientApplication> findById(RealmId realm, long id) {
        return Optional.ofNullable(em.find(ClientApplication.class, id))
                .filter(a -> a.getRealm().equals(realm));
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
    public List<ClientApplication> search(RealmId realm, String query, int offset, int limit) {
        TypedQuery<ClientApplication> q = em.createQuery(
                        "select a from ClientApplication a where a.realm = :realm" + filter(query) + " order by a.id",
                        ClientApplication.class)
                .setParameter("realm", realm);
        bindFilter(q, query);
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(RealmId realm, String query) {
        TypedQuery<Long> q = em.createQuery(
                        "select count(a) from ClientApplication a where a.realm = :realm" + filter(query), Long.class)
                .setParameter("realm", realm);
        bindFilter(q, query);
        return q.getSingleResult();
    }

    private static String filter(String query) {
        return query == null || query.isBlank() ? "" : " and lower(a.name) like :q escape '\\'";
    }

    private static void bindFilter(TypedQuery<?> q, String query) {
        if (query != null && !query.isBlank()) {
            q.setParameter("q", Like.contains(query.toLowerCase(Locale.ROOT)));
        }
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
    public void add(ClientApplication application) {
        em.persist(application);
    }

    @Override
    public void remove(ClientApplication application) {
        em.remove(application);
    }
}
