package de.erpconnect.infrastructure.jdbc;

import de.erpconnect.domain.cluster.LoginFailureStore;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link LoginFailureStore} in the database. Writes run in their own transaction: the request that
 * failed to authenticate rolls back, its failure must not. A failure is counted by one UPDATE on
 * a row that an {@code INSERT … ON CONFLICT DO NOTHING} made sure exists, so concurrent failures
 * on several nodes all count.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JdbcLoginFailureStore implements LoginFailureStore {

    static final int SUBJECT_MAX = 200;
    static final int ADDRESS_MAX = 64;

    @Resource(lookup = "java:jboss/datasources/ErpConnectDS")
    DataSource dataSource;

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Failures> find(String kind, String subject, String remoteAddress) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select kind, subject, remote_address, failures,"
                        + " locked_until, last_failure from login_failure where kind = ? and subject = ?"
                        + " and remote_address = ?")) {
            bindKey(ps, 1, kind, subject, remoteAddress);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the failure counters failed", e);
        }
    }

    @Override
    public int countFailure(String kind, String subject, String remoteAddress, Instant now, Instant forgetBefore) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("insert into login_failure (kind, subject, remote_address,"
                    + " failures, last_failure) values (?, ?, ?, 0, ?) on conflict do nothing")) {
                bindKey(ps, 1, kind, subject, remoteAddress);
                ps.setTimestamp(4, Timestamp.from(now));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("update login_failure set"
                    + " failures = case when last_failure < ? then 1 else failures + 1 end,"
                    + " locked_until = case when last_failure < ? then null else locked_until end,"
                    + " last_failure = ? where kind = ? and subject = ? and remote_address = ?")) {
                ps.setTimestamp(1, Timestamp.from(forgetBefore));
                ps.setTimestamp(2, Timestamp.from(forgetBefore));
                ps.setTimestamp(3, Timestamp.from(now));
                bindKey(ps, 4, kind, subject, remoteAddress);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "select failures from login_failure where kind = ?" + " and subject = ? and remote_address = ?")) {
                bindKey(ps, 1, kind, subject, remoteAddress);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Counting a failure failed", e);
        }
    }

    @Override
    public void lockUntil(String kind, String subject, String remoteAddress, Instant until) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("update login_failure set locked_until = ?"
                        + " where kind = ? and subject = ? and remote_address = ?"
                        + " and (locked_until is null or locked_until < ?)")) {
            ps.setTimestamp(1, Timestamp.from(until));
            bindKey(ps, 2, kind, subject, remoteAddress);
            ps.setTimestamp(5, Timestamp.from(until));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Locking out failed", e);
        }
    }

    @Override
    public void clear(String kind, String subject, String remoteAddress) {
        update("delete from login_failure where kind = ? and subject = ? and remote_address = ?", ps -> {
            bindKey(ps, 1, kind, subject, remoteAddress);
        });
    }

    @Override
    public void clearSubject(String kind, String subject) {
        update("delete from login_failure where kind = ? and subject = ?", ps -> {
            ps.setString(1, kind);
            ps.setString(2, truncate(subject, SUBJECT_MAX));
        });
    }

    @Override
    public int clearAll() {
        return update("delete from login_failure", ps -> {});
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Failures> lockedAt(Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select kind, subject, remote_address, failures,"
                        + " locked_until, last_failure from login_failure where locked_until > ?"
                        + " order by locked_until desc")) {
            ps.setTimestamp(1, Timestamp.from(now));
            List<Failures> locked = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    locked.add(row(rs));
                }
            }
            return locked;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the lockouts failed", e);
        }
    }

    @Override
    public int deleteOlderThan(Instant cutoff) {
        return update(
                "delete from login_failure where last_failure < ? and (locked_until is null or locked_until < ?)",
                ps -> {
                    ps.setTimestamp(1, Timestamp.from(cutoff));
                    ps.setTimestamp(2, Timestamp.from(cutoff));
                });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private int update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Changing the failure counters failed", e);
        }
    }

    private static void bindKey(PreparedStatement ps, int first, String kind, String subject, String remoteAddress)
            throws SQLException {
        ps.setString(first, kind);
        ps.setString(first + 1, truncate(subject, SUBJECT_MAX));
        ps.setString(first + 2, truncate(remoteAddress, ADDRESS_MAX));
    }

    private static String truncate(String value, int max) {
        String v = value == null ? "" : value;
        return v.length() <= max ? v : v.substring(0, max);
    }

    private static Failures row(ResultSet rs) throws SQLException {
        Timestamp locked = rs.getTimestamp(5);
        return new Failures(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4),
                locked == null ? null : locked.toInstant(),
                rs.getTimestamp(6).toInstant());
    }
}
