package de.erpconnect.infrastructure.jdbc;

import de.erpconnect.domain.grant.PushedRequest;
import de.erpconnect.domain.grant.PushedRequestRepository;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * {@link PushedRequestRepository} in the table {@code pushed_authorization_request}: taking a
 * request is one conditional {@code UPDATE … SET used_at WHERE used_at IS NULL AND expires_at > now}
 * (exactly one of concurrent uses changes the row, and only the client's own), then the row is
 * read; both in the caller's transaction. A request is held for a login once. Rows are deleted every ten minutes once they expired.
 */
@Stateless
@PermitAll
public class JdbcPushedRequests implements PushedRequestRepository {

    @Resource(lookup = "java:jboss/datasources/ErpConnectDS")
    DataSource dataSource;

    @Override
    public void store(String realm, String requestHash, PushedRequest request) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("insert into pushed_authorization_request (request_hash,"
                        + " realm, client_id, redirect_uri, scope, state, code_challenge, expires_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, requestHash);
            ps.setString(2, realm);
            ps.setString(3, request.clientId());
            ps.setString(4, request.redirectUri());
            ps.setString(5, request.scope());
            ps.setString(6, request.state());
            ps.setString(7, request.codeChallenge());
            ps.setTimestamp(8, Timestamp.from(request.expiresAt()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Storing a pushed authorization request failed", e);
        }
    }

    @Override
    public Optional<PushedRequest> take(String realm, String requestHash, String clientId, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "update pushed_authorization_request set used_at = ?"
                            + " where request_hash = ? and realm = ? and client_id = ? and used_at is null and expires_at > ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setString(2, requestHash);
                ps.setString(3, realm);
                ps.setString(4, clientId);
                ps.setTimestamp(5, Timestamp.from(now));
                if (ps.executeUpdate() != 1) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select client_id, redirect_uri, scope, state,"
                    + " code_challenge, expires_at from pushed_authorization_request where request_hash = ?")) {
                ps.setString(1, requestHash);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Optional.of(new PushedRequest(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getTimestamp(6).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading a pushed authorization request failed", e);
        }
    }

    @Override
    public void extend(String realm, String requestHash, String clientId, Instant now, Instant until) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("update pushed_authorization_request set expires_at = ?,"
                        + " held = true where request_hash = ? and realm = ? and client_id = ? and used_at is null"
                        + " and not held and expires_at > ? and expires_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(until));
            ps.setString(2, requestHash);
            ps.setString(3, realm);
            ps.setString(4, clientId);
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setTimestamp(6, Timestamp.from(until));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Holding a pushed authorization request failed", e);
        }
    }

    @Schedule(hour = "*", minute = "*/10", persistent = false)
    void deleteExpired() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("delete from pushed_authorization_request where expires_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Deleting expired pushed authorization requests failed", e);
        }
    }
}
