package de.erpconnect.infrastructure.jpa;

import de.erpconnect.domain.client.ClientApplication;
import de.erpconnect.domain.grant.AuthorizationCodeRecord;
import de.erpconnect.domain.grant.Grant;
import de.erpconnect.domain.grant.GrantRepository;
import de.erpconnect.domain.shared.ConcurrentChangeException;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.user.LoginName;
import de.erpconnect.domain.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Grants in JPA; codes and revoked token ids with native SQL, because their
 * single-use rules are conditional updates whose row count decides (portable to H2 and PostgreSQL).
 */
@ApplicationScoped
public class JpaGrantRepository implements GrantRepository {

    @PersistenceContext(unitName = "erpconnect")
    EntityManager em;

    @Override
    public void add(Grant grant) {
        em.persist(grant);
    }

    @Override
    public Optional<Grant> findById(RealmId realm, long id) {
        return Optional.ofNullable(em.find(Grant.class, id))
                .filter(g -> g.getRealm().equals(realm));
    }

    @Override
    public List<Grant> findRemembered(User user, ClientApplication application, Instant now) {
        return em.createQuery(
                        "select g from Grant g where g.user = :user and g.application = :app and g.remembered = true"
                                + " and g.revokedAt is null and g.expiresAt > :now order by g.id desc",
                        Grant.class)
                .setParameter("user", user)
                .setParameter("app", application)
                .setParameter("now", now)
                .getResultList();
    }

    @Override
    public List<Grant> search(
            RealmId realm, String userLogin, Long applicationId, boolean includeRevoked, int offset, int limit) {
        TypedQuery<Grant> q = em.createQuery(
                "select g from Grant g where g.realm = :realm" + filter(userLogin, applicationId, includeRevoked)
                        + " order by g.id desc",
                Grant.class);
        bind(q, realm, userLogin, applicationId);
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    @Override
    public long count(RealmId realm, String userLogin, Long applicationId, boolean includeRevoked) {
        TypedQuery<Long> q = em.createQuery(
                "select count(g) from Grant g where g.realm = :realm"
                        + filter(userLogin, applicationId, includeRevoked),
                Long.class);
        bind(q, realm, userLogin, applicationId);
        return q.getSingleResult();
    }

    private static String filter(String userLogin, Long applicationId, boolean includeRevoked) {
        return (userLogin == null ? "" : " and g.user.login = :login")
                + (applicationId == null ? "" : " and g.application.id = :app")
                + (includeRevoked ? "" : " and g.revokedAt is null");
    }

    private static void bind(TypedQuery<?> q, RealmId realm, String userLogin, Long applicationId) {
        q.setParameter("realm", realm);
        if (userLogin != null) {
            q.setParameter("login", new LoginName(userLogin));
        }
        if (applicationId != null) {
            q.setParameter("app", applicationId);
        }
    }

    @Override
    public boolean revoke(long grantId, String reason, Instant now) {
        return revokeWhere("id", grantId, reason, now) == 1;
    }

    @Override
    public int revokeAllOf(long applicationId, String reason, Instant now) {
        return revokeWhere("application_id", applicationId, reason, now);
    }

    /** Revokes the grants not yet revoked whose {@code column} (a constant of this class) is {@code id}. */
    private int revokeWhere(String column, long id, String reason, Instant now) {
        return em.createNativeQuery("update oauth_grant set revoked_at = ?, revoked_reason = ?, version = version + 1"
                        + " where " + column + " = ? and revoked_at is null")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, reason.length() > 100 ? reason.substring(0, 100) : reason)
                .setParameter(3, id)
                .executeUpdate();
    }

    @Override
    public boolean storeCode(AuthorizationCodeRecord c, String authorizationRequest) {
        try {
            return em.createNativeQuery("insert into authorization_code (code_hash, grant_id, redirect_uri,"
                                    + " code_challenge, scopes, created_at, expires_at, authorization_request)"
                                    + " values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                            .setParameter(1, c.codeHash())
                            .setParameter(2, c.grantId())
                            .setParameter(3, c.redirectUri())
                            .setParameter(4, c.codeChallenge())
                            .setParameter(5, c.scopes())
                            .setParameter(6, Timestamp.from(Instant.now()))
                            .setParameter(7, Timestamp.from(c.expiresAt()))
                            .setParameter(8, authorizationRequest)
                            .executeUpdate()
                    == 1;
        } catch (PersistenceException e) {
            // H2: the other answer of the same request is being inserted and not yet committed
            if (UniqueViolation.concurrent(e)) {
                throw new ConcurrentChangeException();
            }
            throw e;
        }
    }

    @Override
    public Optional<AuthorizationCodeRecord> findCode(String codeHash) {
        List<?> rows = em.createNativeQuery(
                        "select code_hash, grant_id, redirect_uri, code_challenge, scopes, expires_at,"
                                + " consumed_at from authorization_code where code_hash = ?")
                .setParameter(1, codeHash)
                .getResultList();
        return rows.stream().findFirst().map(r -> {
            Object[] row = (Object[]) r;
            return new AuthorizationCodeRecord(
                    (String) row[0],
                    ((Number) row[1]).longValue(),
                    (String) row[2],
                    (String) row[3],
                    (String) row[4],
                    instant(row[5]),
                    instant(row[6]));
        });
    }

    @Override
    public boolean consumeCode(String codeHash, Instant now) {
        return em.createNativeQuery(
                                "update authorization_code set consumed_at = ? where code_hash = ? and consumed_at is null")
                        .setParameter(1, Timestamp.from(now))
                        .setParameter(2, codeHash)
                        .executeUpdate()
                == 1;
    }

    @Override
    public void revokeAccessToken(String jwtId, Instant expiresAt) {
        int updated = em.createNativeQuery("update revoked_access_token set expires_at = ? where jti = ?")
                .setParameter(1, Timestamp.from(expiresAt))
                .setParameter(2, jwtId)
                .executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into revoked_access_token (jti, expires_at) values (?, ?)")
                    .setParameter(1, jwtId)
                    .setParameter(2, Timestamp.from(expiresAt))
                    .executeUpdate();
        }
    }

    @Override
    public Set<String> revokedAccessTokens(Instant now) {
        List<?> rows = em.createNativeQuery("select jti from revoked_access_token where expires_at > ?")
                .setParameter(1, Timestamp.from(now))
                .getResultList();
        Set<String> set = new HashSet<>();
        rows.forEach(r -> set.add((String) r));
        return set;
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
