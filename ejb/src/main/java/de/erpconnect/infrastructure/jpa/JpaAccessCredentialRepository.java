package de.erpconnect.infrastructure.jpa;

import de.erpconnect.domain.credential.AccessCredential;
import de.erpconnect.domain.credential.AccessCredentialRepository;
import de.erpconnect.domain.credential.AnotherCredentialActiveException;
import de.erpconnect.domain.credential.CredentialNumberTakenException;
import de.erpconnect.domain.shared.RealmId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.List;
import java.util.Optional;

/** Access credentials in JPA; constraint violations are translated by constraint name. */
@ApplicationScoped
public class JpaAccessCredentialRepository implements AccessCredentialRepository {

    private static final RealmSearch<AccessCredential> SEARCH = new RealmSearch<>(
            AccessCredential.class,
            "lower(e.name) like :q escape '\\' or lower(e.kind) like :q escape '\\'",
            "e.number");

    @PersistenceContext(unitName = "erpconnect")
    EntityManager em;

    @Override
    public Optional<AccessCredential> findByNumber(RealmId realm, int number) {
        return em.createQuery(
                        "select c from AccessCredential c where c.realm = :realm and c.number = :number",
                        AccessCredential.class)
                .setParameter("realm", realm)
                .setParameter("number", number)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<AccessCredential> findActive(RealmId realm, String kind) {
        return em.createQuery(
                        "select c from AccessCredential c where c.realm = :realm and c.activeKind = :kind",
                        AccessCredential.class)
                .setParameter("realm", realm)
                .setParameter("kind", kind)
                .getResultStream()
                .findFirst();
    }

    @Override
    public int nextFreeNumber(RealmId realm) {
        Integer max = em.createQuery(
                        "select max(c.number) from AccessCredential c where c.realm = :realm", Integer.class)
                .setParameter("realm", realm)
                .getSingleResult();
        return max == null ? 1 : max + 1;
    }

    @Override
    public List<AccessCredential> search(RealmId realm, String query, int offset, int limit) {
        return SEARCH.page(em, realm, query, offset, limit);
    }

    @Override
    public long count(RealmId realm, String query) {
        return SEARCH.count(em, realm, query);
    }

    @Override
    public void lockForChanges() {
        em.createNativeQuery("update erp_numbering set uses = uses + 1 where name = 'access_credential'")
                .executeUpdate();
    }

    @Override
    public void add(AccessCredential credential) {
        try {
            // the identity column inserts at persist: a parallel request's number or active kind strikes here
            em.persist(credential);
        } catch (PersistenceException e) {
            throw translated(e, credential);
        }
        flushChecked(credential);
    }

    @Override
    public void remove(AccessCredential credential) {
        em.remove(credential);
    }

    @Override
    public void flushChecked(AccessCredential credential) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw translated(e, credential);
        }
    }

    private static RuntimeException translated(PersistenceException e, AccessCredential credential) {
        if (UniqueViolation.of(e, "uq_access_credential_active_kind")
                || (credential.isActive() && UniqueViolation.concurrent(e))) {
            return new AnotherCredentialActiveException(credential.getKind(), null);
        }
        if (UniqueViolation.of(e, "uq_access_credential_number")) {
            return new CredentialNumberTakenException(credential.getNumber());
        }
        return e;
    }
}
