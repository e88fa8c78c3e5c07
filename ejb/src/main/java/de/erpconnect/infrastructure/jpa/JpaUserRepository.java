package de.erpconnect.infrastructure.jpa;

import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.user.LoginAlreadyTakenException;
import de.erpconnect.domain.user.LoginName;
import de.erpconnect.domain.user.Role;
import de.erpconnect.domain.user.User;
import de.erpconnect.domain.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Users in JPA. */
@ApplicationScoped
public class JpaUserRepository implements UserRepository {

    private static final RealmSearch<User> SEARCH = new RealmSearch<>(
            User.class,
            "lower(cast(e.login as String)) like :q escape '\\' or lower(e.displayName) like :q escape '\\'",
            "e.login");

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
        return SEARCH.page(em, realm, query, offset, limit);
    }

    @Override
    public long count(RealmId realm, String query) {
        return SEARCH.count(em, realm, query);
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
        // a parallel request's login strikes here
        UniqueViolation.persist(em, user, "uq_app_user_login", () -> new LoginAlreadyTakenException(user.getLogin()));
    }

    @Override
    public void remove(User user) {
        em.remove(user);
    }
}
