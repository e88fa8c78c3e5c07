package de.erpconnect.infrastructure.persistence;

import javax.sql.DataSource;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;

/**
 * Runs the Flyway migrations while the persistence unit starts, before Hibernate's
 * {@code hbm2ddl=validate} checks the mappings: the persistence unit starts before any
 * {@code @Startup} bean, so a bean would come too late on an empty database (verified on WildFly
 * 39). Registered through {@code META-INF/services}.
 */
public class FlywayIntegrator implements Integrator {

    @Override
    public void integrate(
            Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        DataSource dataSource = sessionFactory
                .getServiceRegistry()
                .requireService(ConnectionProvider.class)
                .unwrap(DataSource.class);
        DatabaseMigrations.migrate(dataSource);
    }

    @Override
    public void disintegrate(
            SessionFactoryImplementor sessionFactory,
            org.hibernate.service.spi.SessionFactoryServiceRegistry serviceRegistry) {
        // nothing to release
    }
}
