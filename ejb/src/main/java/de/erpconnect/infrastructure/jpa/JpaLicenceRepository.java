package de.erpconnect.infrastructure.jpa;

import de.erpconnect.domain.licence.Activation;
import de.erpconnect.domain.licence.ActivationPolicy;
import de.erpconnect.domain.licence.Installation;
import de.erpconnect.domain.licence.LicenceRepository;
import de.erpconnect.domain.shared.RealmId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** The installation record and activations in JPA. */
@ApplicationScoped
public class JpaLicenceRepository implements LicenceRepository {

    @PersistenceContext(unitName = "erpconnect")
    EntityManager em;

    @Override
    public Optional<Installation> findInstallation(RealmId realm) {
        return Optional.ofNullable(em.find(Installation.class, realm.value()));
    }

    @Override
    public void add(Installation installation) {
        em.persist(installation);
    }

    @Override
    public List<Activation> activations(RealmId realm) {
        return em.createQuery("select a from Activation a where a.realm = :realm order by a.id", Activation.class)
                .setParameter("realm", realm)
                .getResultList();
    }

    @Override
    public Optional<Activation> findActivation(RealmId realm, long id) {
        return Optional.ofNullable(em.find(Activation.class, id)).filter(a -> realm.equals(a.getRealm()));
    }

    @Override
    public Optional<Activation> findByKeyId(RealmId realm, int keyId) {
        return em.createQuery(
                        "select a from Activation a where a.realm = :realm and a.keyId = :keyId", Activation.class)
                .setParameter("realm", realm)
                .setParameter("keyId", keyId)
                .getResultStream()
                .findFirst();
    }

    @Override
    public void add(Activation activation) {
        // a parallel activation of the same key strikes the unique rule here
        UniqueViolation.persist(em, activation, "uq_activation_key", ActivationPolicy::alreadyActivated);
    }

    @Override
    public void removeActivations(RealmId realm) {
        em.createQuery("delete from Activation a where a.realm = :realm")
                .setParameter("realm", realm)
                .executeUpdate();
    }
}
