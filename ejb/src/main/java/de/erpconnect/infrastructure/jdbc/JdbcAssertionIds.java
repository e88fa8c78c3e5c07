package de.erpconnect.infrastructure.jdbc;

import de.erpconnect.domain.client.AssertionIds;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * {@link AssertionIds} in the table {@code client_assertion_id}: one {@code INSERT … ON CONFLICT DO
 * NOTHING} per accepted assertion, in its own transaction (the token request that follows may
 * fail, the use must count); ids are deleted every ten minutes once they expired five minutes ago
 * (so that a node whose clock runs ahead does not forget an id another node still accepts).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class JdbcAssertionIds implements AssertionIds {

    static final Duration KEEP_AFTER_EXPIRY = Duration.ofMinutes(5);

    @Resource(lookup = "java:jboss/datasources/ErpConnectDS")
    DataSource dataSource;

    @Override
    public boolean firstUse(String realm, String clientId, String jtiHash, Instant expiresAt) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("insert into client_assertion_id (realm, client_id, jti_hash,"
                        + " expires_at) values (?, ?, ?, ?) on conflict do nothing")) {
            ps.setString(1, realm);
            ps.setString(2, clientId);
            ps.setString(3, jtiHash);
            ps.setTimestamp(4, Timestamp.from(expiresAt));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Recording a client assertion failed", e);
        }
    }

    @Schedule(hour = "*", minute = "*/10", persistent = false)
    void deleteExpired() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("delete from client_assertion_id where expires_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(KEEP_AFTER_EXPIRY)));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Deleting expired client assertion ids failed", e);
        }
    }
}
