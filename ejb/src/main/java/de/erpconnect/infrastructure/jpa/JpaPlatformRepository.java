package de.erpconnect.infrastructure.jpa;

import de.erpconnect.domain.platform.PlatformProfile;
import de.erpconnect.domain.platform.PlatformProfileNameTakenException;
import de.erpconnect.domain.platform.PlatformRepository;
import de.erpconnect.domain.shared.RealmId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;

/** Platform profiles in JPA; a taken Bezeichnung is the database's unique rule, turned into a 409. */
@ApplicationScoped
public class JpaPlatformRepository implements PlatformRepository {

    private static final RealmSearch<PlatformProfile> SEARCH =
            new RealmSearch<>(PlatformProfile.class, "lower(e.name) like :q escape '\\'", "e.name");

    @PersistenceContext(unitName = "erpconnect")
    EntityManager em;

    @Override
    public Optional<PlatformProfile> findById(RealmId realm, long id) {
        return Optional.ofNullable(em.find(PlatformProfile.class, id))
                .filter(p -> p.getRealm().equals(realm));
    }

    @Override
    public List<PlatformProfile> search(RealmId realm, String query, int offset, int limit) {
        return SEARCH.page(em, realm, query, offset, limit);
    }

    @Override
    public long count(RealmId realm, String query) {
        return SEARCH.count(em, realm, query);
    }

    @Override
    public void add(PlatformProfile profile) {
        requireFreeName(profile);
        UniqueViolation.persist(
                em,
                profile,
                "uq_platform_profile_name",
                () -> new PlatformProfileNameTakenException(profile.getName()));
    }

    @Override
    public void flush(PlatformProfile profile) {
        requireFreeName(profile);
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw translated(e, profile);
        }
    }

    private static RuntimeException translated(PersistenceException e, PlatformProfile profile) {
        return UniqueViolation.of(e, "uq_platform_profile_name") || UniqueViolation.concurrent(e)
                ? new PlatformProfileNameTakenException(profile.getName())
                : e;
    }

    /** The usual case without a failing statement; the unique rule decides races. */
    private void requireFreeName(PlatformProfile profile) {
        TypedQuery<Long> q = em.createQuery(
                        "select p.id from PlatformProfile p where p.realm = :realm and p.name = :name"
                                + (profile.getId() == null ? "" : " and p.id <> :id"),
                        Long.class)
                .setParameter("realm", profile.getRealm())
                .setParameter("name", profile.getName())
                .setFlushMode(FlushModeType.COMMIT);
        if (profile.getId() != null) {
            q.setParameter("id", profile.getId());
        }
        if (!q.getResultList().isEmpty()) {
            throw new PlatformProfileNameTakenException(profile.getName());
        }
    }

    @Override
    public void remove(PlatformProfile profile) {
        em.remove(profile);
    }
}
