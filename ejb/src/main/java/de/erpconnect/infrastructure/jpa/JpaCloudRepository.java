package de.erpconnect.infrastructure.jpa;

import de.erpconnect.domain.cloud.CloudRealm;
import de.erpconnect.domain.cloud.CloudRepository;
import de.erpconnect.domain.cloud.Invitation;
import de.erpconnect.domain.cloud.PasswordReset;
import de.erpconnect.domain.cloud.RealmTakenException;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Cloud realms, invitations and password resets in JPA. Spending a link is a native conditional
 * UPDATE, so that of two concurrent registrations with one link exactly one succeeds.
 */
@ApplicationScoped
public class JpaCloudRepository implements CloudRepository {

    @PersistenceContext(unitName = "erpconnect")
    EntityManager em;

    @Override
    public Optional<CloudRealm> findRealm(RealmId realm) {
        return Optional.ofNullable(em.find(CloudRealm.class, realm.value()));
    }

    @Override
    public void addRealm(CloudRealm realm) {
        // a concurrent registration for the same customer number won the primary key, the row's only
        // unique rule (its name differs between H2 and PostgreSQL)
        UniqueViolation.persist(em, realm, "", () -> new RealmTakenException(realm.getCustomerNumber()));
    }

    @Override
    public void addInvitation(Invitation invitation) {
        em.persist(invitation);
        em.flush();
    }

    @Override
    public Optional<Invitation> findInvitation(String tokenHash) {
        return em.createQuery("select i from Invitation i where i.tokenHash = :hash", Invitation.class)
                .setParameter("hash", tokenHash)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<Invitation> findInvitationById(long id) {
        return Optional.ofNullable(em.find(Invitation.class, id));
    }

    @Override
    public boolean useInvitation(String tokenHash, Instant now) {
        return spend("cloud_invitation", tokenHash, now);
    }

    /** The one conditional UPDATE that spends a link: it succeeds for exactly one caller. */
    private boolean spend(String table, String tokenHash, Instant now) {
        return em.createNativeQuery("update " + table + " set used_at = ?"
                                + " where token_hash = ? and used_at is null and expires_at > ?")
                        .setParameter(1, Timestamp.from(now))
                        .setParameter(2, tokenHash)
                        .setParameter(3, Timestamp.from(now))
                        .executeUpdate()
                == 1;
    }

    @Override
    public List<Invitation> invitations(int offset, int limit) {
        return em.createQuery("select i from Invitation i order by i.id desc", Invitation.class)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public long countInvitations() {
        return em.createQuery("select count(i) from Invitation i", Long.class).getSingleResult();
    }

    @Override
    public void addPasswordReset(PasswordReset reset) {
        em.persist(reset);
    }

    @Override
    public Optional<PasswordReset> findPasswordReset(String tokenHash) {
        return Optional.ofNullable(em.find(PasswordReset.class, tokenHash));
    }

    @Override
    public long countPasswordResets(User user, Instant since) {
        return em.createQuery(
                        "select count(r) from PasswordReset r where r.user = :user and r.createdAt > :since",
                        Long.class)
                .setParameter("user", user)
                .setParameter("since", since)
                .getSingleResult();
    }

    @Override
    public boolean usePasswordReset(String tokenHash, Instant now) {
        return spend("password_reset", tokenHash, now);
    }
}
