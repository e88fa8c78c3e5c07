package de.erpconnect.infrastructure.jpa;

import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.token.SigningKey;
import de.erpconnect.domain.token.SigningKeyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Signing keys in JPA. */
@ApplicationScoped
public class JpaSigningKeyRepository implements SigningKeyRepository {

    @PersistenceContext(unitName = "erpconnect")
    EntityManager em;

    @Override
    public Optional<SigningKey> findActive(RealmId realm) {
        return em.createQuery(
                        "select k from SigningKey k where k.realm = :realm and k.retiredAt is null"
                                + " order by k.createdAt desc",
                        SigningKey.class)
                .setParameter("realm", realm)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<SigningKey> findByKid(String kid) {
        return Optional.ofNullable(em.find(SigningKey.class, kid));
    }

    @Override
    public List<SigningKey> findVerifying(RealmId realm, Instant retiredAfter) {
        return em.createQuery(
                        "select k from SigningKey k where k.realm = :realm"
                                + " and (k.retiredAt is null or k.retiredAt > :after) order by k.createdAt desc",
                        SigningKey.class)
                .setParameter("realm", realm)
                .setParameter("after", retiredAfter)
                .getResultList();
    }

    @Override
    public void add(SigningKey key) {
        em.persist(key);
    }
}
