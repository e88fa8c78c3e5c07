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
import java.util.Locale;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;

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
    public void add(AccessCredential credential) {
        em.persist(credential);
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
            String constraint = constraintName(e);
            if (constraint.contains("uq_access_credential_active_kind")) {
                throw new AnotherCredentialActiveException(credential.getKind(), null);
            }
            if (constraint.contains("uq_access_credential_number")) {
                throw new CredentialNumberTakenException(credential.getNumber());
            }
            throw e;
        }
    }

    private static String constraintName(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException c) {
                String name = c.getConstraintName() != null ? c.getConstraintName() : String.valueOf(c.getMessage());
                return name.toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }
}
