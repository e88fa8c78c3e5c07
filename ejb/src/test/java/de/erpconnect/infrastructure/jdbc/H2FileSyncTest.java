package de.erpconnect.infrastructure.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The periodic sync of the H2 file: against a real H2 file database, and not on other databases. */
class H2FileSyncTest {

    @TempDir
    Path dir;

    JdbcDataSource owner;

    @BeforeEach
    void createDatabase() throws SQLException {
        owner = h2("sa", "sa");
        // as the datasource runs it (a database setting, so that a non-admin user can connect too)
        execute(owner, "set write_delay 0");
        execute(owner, "create table t (id int primary key)");
        execute(owner, "create user reader password 'reader'");
        execute(owner, "grant select on t to reader");
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        execute(owner, "shutdown");
    }

    @Test
    void theDatasourcesUserSyncsTheFileAndTheDataStays() throws SQLException {
        H2FileSync sync = new H2FileSync();
        sync.dataSource = owner;
        assertTrue(H2FileSync.isH2(owner));
        execute(owner, "insert into t values (1)");
        assertTrue(sync.syncOnce());
        assertTrue(sync.syncOnce());
        try (Connection connection = owner.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from t")) {
            rows.next();
            assertEquals(1, rows.getInt(1));
        }
    }

    @Test
    void aFailingSyncIsReportedAndTheNextOneIsTried() throws SQLException {
        // CHECKPOINT SYNC needs an administrator; a user without the right fails every time
        H2FileSync sync = new H2FileSync();
        sync.dataSource = h2("reader", "reader");
        assertFalse(sync.syncOnce());
        assertFalse(sync.syncOnce());
        sync.dataSource = owner;
        assertTrue(sync.syncOnce());
    }

    @Test
    void otherDatabasesAreNotSynced() {
        assertFalse(H2FileSync.isH2(databaseNamed("PostgreSQL")));
    }

    private JdbcDataSource h2(String user, String password) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:" + dir.resolve("sync").toAbsolutePath() + ";MODE=PostgreSQL");
        h2.setUser(user);
        h2.setPassword(password);
        return h2;
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** A data source whose connections name the given product and do nothing else. */
    private static DataSource databaseNamed(String product) {
        DatabaseMetaData metaData = (DatabaseMetaData) Proxy.newProxyInstance(
                H2FileSyncTest.class.getClassLoader(), new Class<?>[] {DatabaseMetaData.class}, (p, method, args) -> {
                    if (method.getName().equals("getDatabaseProductName")) {
                        return product;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        Connection connection = (Connection) Proxy.newProxyInstance(
                H2FileSyncTest.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, method, args) -> {
                    return switch (method.getName()) {
                        case "getMetaData" -> metaData;
                        case "close" -> null;
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
        return (DataSource) Proxy.newProxyInstance(
                H2FileSyncTest.class.getClassLoader(), new Class<?>[] {DataSource.class}, (p, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return connection;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
