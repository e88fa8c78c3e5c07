package de.erpconnect.infrastructure.jpa;

import de.erpconnect.domain.amazon.AmazonAuthorization;
import de.erpconnect.domain.amazon.AmazonRepository;
import de.erpconnect.domain.amazon.CloudPlatform;
import de.erpconnect.domain.amazon.LwaClient;
import de.erpconnect.domain.amazon.PlatformNameTakenException;
import de.erpconnect.domain.amazon.SellingRegion;
import de.erpconnect.domain.shared.RealmId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The cloud's Amazon records in JPA. A taken Bezeichnung is the database's unique rule, turned into
 * a 409; spending a consent {@code state} is one conditional UPDATE.
 */
@ApplicationScoped
public class JpaAmazonRepository implements AmazonRepository {

    @PersistenceContext(unitName = "erpconnect")
    EntityManager em;

    @Override
    public void addPlatform(CloudPlatform platform) {
        boolean taken = !em.createQuery(
                        "select p.id from CloudPlatform p where p.realm = :realm and p.name = :name", Long.class)
                .setParameter("realm", platform.getRealm())
                .setParameter("name", platform.getName())
                .getResultList()
                .isEmpty();
        if (taken) {
            throw new PlatformNameTakenException(platform.getName());
        }
        // a concurrent twin fails here on the unique rule
        UniqueViolation.persist(
                em, platform, "uq_cloud_platform_name", () -> new PlatformNameTakenException(platform.getName()));
    }

    @Override
    public Optional<CloudPlatform> findPlatform(RealmId realm, long id) {
        return Optional.ofNullable(em.find(CloudPlatform.class, id))
                .filter(p -> p.getRealm().equals(realm));
    }

    @Override
    public List<CloudPlatform> platforms(RealmId realm) {
        return em.createQuery("select p from CloudPlatform p where p.realm = :realm order by p.id", CloudPlatform.class)
                .setParameter("realm", realm)
                .getResultList();
    }

    @Override
    public long countPlatforms(RealmId realm, SellingRegion region) {
        return em.createQuery(
                        "select count(p) from CloudPlatform p where p.realm = :realm and p.sellingRegion = :region",
                        Long.class)
                .setParameter("realm", realm)
                .setParameter("region", region)
                .getSingleResult();
    }

    @Override
    public void removePlatform(CloudPlatform platform) {
        em.remove(platform);
        em.flush();
    }

    @Override
    public Optional<AmazonAuthorization> findAuthorization(RealmId realm, SellingRegion region) {
        return Optional.ofNullable(em.find(AmazonAuthorization.class, new AmazonAuthorization.Key(realm, region)));
    }

    @Override
    public void addAuthorization(AmazonAuthorization authorization) {
        em.persist(authorization);
    }

    @Override
    public void removeAuthorization(AmazonAuthorization authorization) {
        em.remove(authorization);
    }

    @Override
    public List<AmazonAuthorization> authorizations() {
        return em.createQuery("select a from AmazonAuthorization a", AmazonAuthorization.class)
                .getResultList();
    }

    @Override
    public void addState(String jwtId, long platformId, Instant expiresAt) {
        em.createNativeQuery("insert into amazon_state (jti, platform_id, expires_at) values (?, ?, ?)")
                .setParameter(1, jwtId)
                .setParameter(2, platformId)
                .setParameter(3, Timestamp.from(expiresAt))
                .executeUpdate();
    }

    @Override
    public boolean useState(String jwtId, long platformId, Instant now) {
        return em.createNativeQuery("update amazon_state set used_at = ?"
                                + " where jti = ? and platform_id = ? and used_at is null and expires_at > ?")
                        .setParameter(1, Timestamp.from(now))
                        .setParameter(2, jwtId)
                        .setParameter(3, platformId)
                        .setParameter(4, Timestamp.from(now))
                        .executeUpdate()
                == 1;
    }

    @Override
    public Optional<LwaClient> findLwaClient() {
        return Optional.ofNullable(em.find(LwaClient.class, 1));
    }

    @Override
    public void addLwaClient(LwaClient client) {
        em.persist(client);
    }
}
