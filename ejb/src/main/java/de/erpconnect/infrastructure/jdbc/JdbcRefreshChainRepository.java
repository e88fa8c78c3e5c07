package de.erpconnect.infrastructure.jdbc;

import de.erpconnect.domain.grant.GrantFacts;
import de.erpconnect.domain.grant.RefreshChain;
import de.erpconnect.domain.grant.RefreshChainRepository;
import de.erpconnect.domain.grant.RefreshTokenLookup;
import de.erpconnect.domain.shared.RealmId;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.sql.DataSource;

/**
 * {@link RefreshChainRepository} in plain JDBC: the refresh grant is the token endpoint's only
 * write, and on its hot path it is one indexed read and one conditional UPDATE, without a
 * persistence context or a JTA transaction around them; concurrent rotations share one commit
 * ({@link RotationGroupCommit}), and no request thread waits for it. Within a transaction (the code exchange) the connection joins it.
 */
@ApplicationScoped
public class JdbcRefreshChainRepository implements RefreshChainRepository {

    private static final String CHAIN_COLUMNS =
            "r.id, r.grant_id, r.generation, r.scopes, r.issued_at, r.expires_at, r.dpop_jkt";

    @Resource(lookup = "java:jboss/datasources/ErpConnectDS")
    DataSource dataSource;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Commits the rotations that queue up while a group is committed (WildFly's default executor). */
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    private RotationGroupCommit rotations;

    @PostConstruct
    void createGroupCommit() {
        rotations = new RotationGroupCommit(dataSource, executor);
    }

    @Override
    public long start(long grantId, String scopes, Instant issuedAt, Instant expiresAt, String dpopJkt) {
        try (Connection c = dataSource.getConnection()) {
            long id;
            try (PreparedStatement ps = c.prepareStatement("select nextval('refresh_chain_id_seq')");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            try (PreparedStatement ps = c.prepareStatement("insert into refresh_chain"
                    + " (id, grant_id, generation, scopes, issued_at, expires_at, dpop_jkt)"
                    + " values (?, ?, 1, ?, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setLong(2, grantId);
                ps.setString(3, scopes);
                ps.setTimestamp(4, Timestamp.from(issuedAt));
                ps.setTimestamp(5, Timestamp.from(expiresAt));
                ps.setString(6, dpopJkt);
                ps.executeUpdate();
            }
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("Starting a refresh chain failed", e);
        }
    }

    @Override
    public Optional<RefreshChain> find(long chainId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("select " + CHAIN_COLUMNS + " from refresh_chain r where r.id = ?")) {
            ps.setLong(1, chainId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(chain(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading a refresh chain failed", e);
        }
    }

    @Override
    public Optional<RefreshTokenLookup> findWithGrant(RealmId realm, long chainId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select " + CHAIN_COLUMNS
                        + ", a.client_id, u.login, g.expires_at, g.revoked_at, g.last_used_at from refresh_chain r"
                        + " join oauth_grant g on g.id = r.grant_id"
                        + " join client_application a on a.id = g.application_id"
                        + " join app_user u on u.id = g.user_id"
                        + " where r.id = ? and g.realm = ?")) {
            ps.setLong(1, chainId);
            ps.setString(2, realm.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                RefreshChain chain = chain(rs);
                return Optional.of(new RefreshTokenLookup(
                        chain,
                        new GrantFacts(
                                chain.grantId(), rs.getString(8), rs.getString(9), instant(rs, 10), instant(rs, 11)),
                        instant(rs, 12)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading a refresh chain failed", e);
        }
    }

    @Override
    public CompletionStage<Boolean> advance(
            long chainId, long presentedGeneration, Instant issuedAt, Instant expiresAt) {
        if (transactions.getTransactionKey() == null) {
            return rotations.advance(chainId, presentedGeneration, issuedAt, expiresAt);
        }
        // within the caller's transaction: its commit decides, not a group's
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(RotationGroupCommit.ADVANCE)) {
            return CompletableFuture.completedFuture(
                    RotationGroupCommit.update(ps, chainId, presentedGeneration, issuedAt, expiresAt) == 1);
        } catch (SQLException e) {
            throw new IllegalStateException("Rotating a refresh token failed", e);
        }
    }

    @Override
    public void touchGrant(long grantId, Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "update oauth_grant set last_used_at = ? where id = ? and last_used_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setLong(2, grantId);
            ps.setTimestamp(3, Timestamp.from(now.minusSeconds(60)));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Noting a grant's use failed", e);
        }
    }

    private static RefreshChain chain(ResultSet rs) throws SQLException {
        return new RefreshChain(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getString(4),
                instant(rs, 5),
                instant(rs, 6),
                rs.getString(7));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
