package de.erpconnect.infrastructure.jdbc;

import de.erpconnect.domain.cluster.CacheInvalidationLog;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/** {@link CacheInvalidationLog} over the application datasource (joins the caller's transaction). */
@ApplicationScoped
public class JdbcCacheInvalidationLog implements CacheInvalidationLog {

    @Resource(lookup = "java:jboss/datasources/ErpConnectDS")
    DataSource dataSource;

    @Override
    public void append(String what, Instant at) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("insert into cache_invalidation (what, created_at) values (?, ?)")) {
            ps.setString(1, what);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Announcing a change to the cluster failed", e);
        }
    }

    @Override
    public long latestId() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select max(id) from cache_invalidation");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the cluster's changes failed", e);
        }
    }

    @Override
    public int deleteOlderThan(Instant cutoff) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("delete from cache_invalidation where created_at < ?"
                        + " and id < (select max(id) from cache_invalidation)")) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cleaning the cluster's changes failed", e);
        }
    }
}
