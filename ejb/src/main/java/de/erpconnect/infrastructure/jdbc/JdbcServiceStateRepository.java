package de.erpconnect.infrastructure.jdbc;

import de.erpconnect.domain.service.ServiceState;
import de.erpconnect.domain.service.ServiceStateRepository;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import javax.sql.DataSource;

/** {@link ServiceStateRepository} over the application datasource (joins the caller's transaction). */
@ApplicationScoped
public class JdbcServiceStateRepository implements ServiceStateRepository {

    @Resource(lookup = "java:jboss/datasources/ErpConnectDS")
    DataSource dataSource;

    @Override
    public Optional<ServiceState> find(String code) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select code, running, interactive, changed_at, changed_by from automation_service where code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ServiceState(
                        rs.getString(1),
                        rs.getBoolean(2),
                        rs.getBoolean(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the automation services failed", e);
        }
    }

    @Override
    public boolean save(ServiceState state) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("update automation_service set running = ?, interactive = ?,"
                        + " changed_at = ?, changed_by = ? where code = ?")) {
            ps.setBoolean(1, state.running());
            ps.setBoolean(2, state.interactive());
            ps.setTimestamp(3, Timestamp.from(state.changedAt()));
            ps.setString(4, state.changedBy());
            ps.setString(5, state.code());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Writing the automation services failed", e);
        }
    }
}
