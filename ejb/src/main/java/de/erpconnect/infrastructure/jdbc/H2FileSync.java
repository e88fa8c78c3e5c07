package de.erpconnect.infrastructure.jdbc;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Forces the embedded H2 database's file to disk once a second ({@code CHECKPOINT SYNC}); does
 * nothing on any other database.
 *
 * <p>With {@code WRITE_DELAY=0} every commit is written to the file, but H2 never syncs it on
 * commit: the writes wait in the operating system's page cache, on Linux for up to 30 s. H2 itself
 * syncs when it shrinks the file (H2 2.2.224: {@code RandomAccessStore.shrinkIfPossible}, on the
 * committing thread while it holds the store's lock), and after a sustained write load that sync
 * had up to half a minute of writes to flush while every commit of the server waited for it.
 * Measured in the refresh benchmark (concurrency 32, H2 file ~1.1 GB): H2's syncs took 359 and
 * 269 ms (the second in a measured run whose slowest request took 380 ms); with this sync they
 * took 10 and 25 ms, and this one 22 ms in the median (max 55 ms, off the request path; H2's
 * sync does not take the store's lock, commits go on meanwhile). A power failure can then lose
 * one second of committed data instead of the page cache's half minute.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class H2FileSync {

    static final long INTERVAL_MILLIS = 1000;

    private static final Logger LOG = Logger.getLogger(H2FileSync.class);

    @Resource(lookup = "java:jboss/datasources/ErpConnectDS")
    DataSource dataSource;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> task;
    private boolean failing;

    @PostConstruct
    void start() {
        if (isH2(dataSource)) {
            task = scheduler.scheduleWithFixedDelay(
                    this::syncOnce, INTERVAL_MILLIS, INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    static boolean isH2(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "H2".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("The database could not be reached: " + e.getMessage(), e);
        }
    }

    /**
     * One sync; true when it succeeded. A failure is logged once until a sync succeeds again, and
     * the next one is tried.
     */
    boolean syncOnce() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
            if (failing) {
                failing = false;
                LOG.info("The H2 database file is synced to disk again.");
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.warnf("The H2 database file could not be synced to disk: %s", e.getMessage());
            }
            return false;
        }
    }
}
