package de.erpconnect.infrastructure.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: the node can serve only while its database answers. A pooled connection runs
 * {@code SELECT 1} under a short query timeout, so a broken or unreachable database makes
 * {@code /health/ready} DOWN within seconds instead of hanging the probe; the failed statement lets
 * the pool's exception sorter discard the broken connection, so readiness returns once the
 * database does. The response names the failure class only — never a URL, user or password.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final String NAME = "erpconnect-database";
    private static final int QUERY_TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:jboss/datasources/ErpConnectDS")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            statement.execute("SELECT 1");
            return HealthCheckResponse.named(NAME)
                    .up()
                    .withData("responseMillis", (System.nanoTime() - started) / 1_000_000)
                    .build();
        } catch (SQLException | RuntimeException e) {
            return HealthCheckResponse.named(NAME)
                    .down()
                    .withData("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
