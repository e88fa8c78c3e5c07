package de.erpconnect.infrastructure.jpa;

import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.user.LoginName;
import de.erpconnect.domain.user.Role;
import de.erpconnect.domain.user.User;
import de.erpconnect.domain.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Users in JPA. */
@ApplicationScoped
public class JpaUserRepository implements UserRepository {

    @PersistenceContext(unitName = "erpconnect")
    EntityManager em;

    @Override
    public Optional<User> findByLogin(RealmId realm, LoginName login) {
        return em.createQuery("select u from User u where u.realm = :realm and u.login = :login", User.class)
                .setParameter("realm", realm)
                .setParameter("login", login)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<User> search(RealmId realm, String query, int offset, int limit) {
        TypedQuery<User> q = em.createQuery(
                        "select u from User u where u.realm = :realm" + filter(query) + " order by u.login", User.class)
                .setParameter("realm", realm);
        bindFilter(q, query);
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(RealmId realm, String query) {
        TypedQuery<Long> q = em.createQuery(
                        "select count(u) from User u where u.realm = :realm" + filter(query), Long.class)
                .setParameter("realm", realm);
        bindFilter(q, query);
        return q.getSingleResult();
    }

    private static String filter(String query) {
        return query == null || query.isBlank()
                ? ""
                : " and (lower(cast(u.login as String)) like :q escape '\\' or lower(u.displayName) like :q escape '\\')";
    }

    private static void bindFilter(TypedQuery<?> q, String query) {
        if (query != null && !query.isBlank()) {
            q.setParameter("q", Like.contains(query.toLowerCase(Locale.ROOT)));
        }
    }

    @Override
    public long countActiveAdmins(RealmId realm) {
        return em.createQuery(
                        "select count(distinct u) from User u join u.roles r"
                                + " where u.realm = :realm and u.active = true and r = :role",
                        Long.class)
                .setParameter("realm", realm)
                .setParameter("role", Role.ADMIN)
                .getSingleResult();
    }

    @Override
    public void add(User user) {
        em.persist(user);
    }

    @Override
    public void remove(User user) {
        em.remove(user);
    }
}
