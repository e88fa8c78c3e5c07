package de.erpconnect.infrastructure.jpa;

import de.erpconnect.domain.application.ClientApplication;
import de.erpconnect.domain.grant.AuthorizationCodeRecord;
import de.erpconnect.domain.grant.Grant;
import de.erpconnect.domain.grant.GrantFacts;
import de.erpconnect.domain.grant.GrantRepository;
import de.erpconnect.domain.grant.RefreshChain;
import de.erpconnect.domain.grant.RefreshTokenLookup;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.user.LoginName;
import de.erpconnect.domain.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Grants in JPA; codes, refresh chains and revoked token ids with native SQL, because their
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
        return em.createNativeQuery("update oauth_grant set revoked_at = ?, revoked_reason = ?, version = version + 1"
                                + " where id = ? and revoked_at is null")
                        .setParameter(1, Timestamp.from(now))
                        .setParameter(2, reason.length() > 100 ? reason.substring(0, 100) : reason)
                        .setParameter(3, grantId)
                        .executeUpdate()
                == 1;
    }

    @Override
    public void touch(long grantId, Instant now) {
        em.createNativeQuery("update oauth_grant set last_used_at = ? where id = ? and last_used_at < ?")
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, grantId)
                .setParameter(3, Timestamp.from(now.minusSeconds(60)))
                .executeUpdate();
    }

    @Override
    public void storeCode(AuthorizationCodeRecord c) {
        em.createNativeQuery(
                        "insert into authorization_code (code_hash, grant_id, redirect_uri, code_challenge, scopes,"
                                + " created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, c.codeHash())
                .setParameter(2, c.grantId())
                .setParameter(3, c.redirectUri())
                .setParameter(4, c.codeChallenge())
                .setParameter(5, c.scopes())
                .setParameter(6, Timestamp.from(Instant.now()))
                .setParameter(7, Timestamp.from(c.expiresAt()))
                .executeUpdate();
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
    public long startRefreshChain(long grantId, String scopes, Instant issuedAt, Instant expiresAt) {
        long id = ((Number) em.createNativeQuery("select nextval('refresh_chain_id_seq')")
                        .getSingleResult())
                .longValue();
        em.createNativeQuery("insert into refresh_chain (id, grant_id, generation, scopes, issued_at, expires_at)"
                        + " values (?, ?, 1, ?, ?, ?)")
                .setParameter(1, id)
                .setParameter(2, grantId)
                .setParameter(3, scopes)
                .setParameter(4, Timestamp.from(issuedAt))
                .setParameter(5, Timestamp.from(expiresAt))
                .executeUpdate();
        return id;
    }

    @Override
    public Optional<RefreshChain> findRefreshChain(long chainId) {
        List<?> rows = em.createNativeQuery(
                        "select id, grant_id, generation, scopes, issued_at, expires_at from refresh_chain where id = ?")
                .setParameter(1, chainId)
                .getResultList();
        return rows.stream().findFirst().map(r -> chain((Object[]) r));
    }

    @Override
    public Optional<RefreshTokenLookup> findRefreshChainWithGrant(RealmId realm, long chainId) {
        List<?> rows = em.createNativeQuery(
                        "select r.id, r.grant_id, r.generation, r.scopes, r.issued_at, r.expires_at,"
                                + " a.client_id, u.login, g.expires_at, g.revoked_at from refresh_chain r"
                                + " join oauth_grant g on g.id = r.grant_id"
                                + " join client_application a on a.id = g.application_id"
                                + " join app_user u on u.id = g.user_id"
                                + " where r.id = ? and g.realm = ?")
                .setParameter(1, chainId)
                .setParameter(2, realm.value())
                .getResultList();
        return rows.stream().findFirst().map(r -> {
            Object[] row = (Object[]) r;
            RefreshChain chain = chain(row);
            return new RefreshTokenLookup(
                    chain,
                    new GrantFacts(
                            chain.grantId(), (String) row[6], (String) row[7], instant(row[8]), instant(row[9])));
        });
    }

    private static RefreshChain chain(Object[] row) {
        return new RefreshChain(
                ((Number) row[0]).longValue(),
                ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(),
                (String) row[3],
                instant(row[4]),
                instant(row[5]));
    }

    @Override
    public boolean advanceRefreshChain(long chainId, long presentedGeneration, Instant issuedAt, Instant expiresAt) {
        return em.createNativeQuery("update refresh_chain set generation = generation + 1, issued_at = ?,"
                                + " expires_at = ? where id = ? and generation = ?")
                        .setParameter(1, Timestamp.from(issuedAt))
                        .setParameter(2, Timestamp.from(expiresAt))
                        .setParameter(3, chainId)
                        .setParameter(4, presentedGeneration)
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
