package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the container, with the application's own datasource: invariants that are the database's,
 * so hand-written SQL cannot break them either (on H2 and on PostgreSQL, whichever the suite runs
 * on) — one active access credential per kind, one authorization code per authorization request.
 * The EAR is deployed so that the schema is current.
 */
@ExtendWith(ArquillianExtension.class)
class DatabaseInvariantsIT {

    static final String KIND = "SQL_PROBE";
    static final String INSERT = "insert into access_credential (realm, number, kind, name, active, active_kind,"
            + " client_id, secret_enc, created_at, updated_at, version)"
            + " values ('erp', ?, ?, 'probe', ?, ?, 'probe', ?, current_timestamp, current_timestamp, 0)";

    @Deployment(name = "app", order = 1, testable = false)
    static EnterpriseArchive ear() {
        return ItEnv.ear();
    }

    @Deployment(name = "probe", order = 2)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "sql-probe.war").addClass(DatabaseInvariantsIT.class);
    }

    private static Connection connection() throws Exception {
        DataSource ds = (DataSource) new InitialContext().lookup("java:jboss/datasources/ErpConnectDS");
        return ds.getConnection();
    }

    private static void insert(Connection c, int number, boolean active) throws SQLException {
        insert(c, number, active, active ? KIND : null);
    }

    private static void insert(Connection c, int number, boolean active, String activeKind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setInt(1, number);
            ps.setString(2, KIND);
            ps.setBoolean(3, active);
            ps.setString(4, activeKind);
            ps.setBytes(5, new byte[] {0});
            ps.executeUpdate();
        }
    }

    private static long active(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select count(*) from access_credential where kind = '" + KIND + "' and active = true")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        try (Connection c = connection();
                Statement s = c.createStatement()) {
            s.executeUpdate("delete from access_credential where kind = '" + KIND + "'");
            // the probe's grant and, by cascade, its codes
            s.executeUpdate("delete from oauth_grant where scopes = 'probe'");
        }
    }

    /** A grant of the first admin to the built-in GraphiQL client, for codes to belong to. */
    private static long probeGrant(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("insert into oauth_grant (realm, user_id, application_id, scopes, remembered, created_at,"
                    + " last_used_at, expires_at, version) select 'erp', (select min(id) from app_user where realm ="
                    + " 'erp'), (select min(id) from client_application), 'probe', false, current_timestamp,"
                    + " current_timestamp, current_timestamp, 0");
            try (ResultSet rs = s.executeQuery("select max(id) from oauth_grant where scopes = 'probe'")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static final String INSERT_CODE = "insert into authorization_code (code_hash, grant_id, redirect_uri,"
            + " code_challenge, scopes, created_at, expires_at, authorization_request) values (?, ?,"
            + " 'https://partner.example.com/cb', 'x', 'graphql', current_timestamp, current_timestamp, ?)";

    /** Inserts a code for {@code request} ({@code suffix}: e.g. the production ON CONFLICT clause); the rows. */
    private static int insertCode(Connection c, long grant, String hash, String request, String suffix)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_CODE + suffix)) {
            ps.setString(1, hash);
            ps.setLong(2, grant);
            ps.setString(3, request);
            return ps.executeUpdate();
        }
    }

    private static void insertCode(Connection c, long grant, String hash, String request) throws SQLException {
        insertCode(c, grant, hash, request, "");
    }

    /**
     * The production statement ({@code INSERT … ON CONFLICT DO NOTHING}) of two transactions at
     * once for one request: the second waits for the first and inserts nothing (PostgreSQL), or is
     * refused at once as a concurrent update (H2); either way the request has one code.
     */
    @Test
    @OperateOnDeployment("probe")
    void twoTransactionsAnsweringOneRequestStoreOneCode() throws Exception {
        String conflict = " on conflict do nothing";
        try (Connection first = connection();
                Connection second = connection()) {
            long grant = probeGrant(first);
            first.setAutoCommit(false);
            assertEquals(1, insertCode(first, grant, "probe-parallel-1", "probe-parallel", conflict));
            java.util.concurrent.CompletableFuture<Object> other =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try {
                            return insertCode(second, grant, "probe-parallel-2", "probe-parallel", conflict);
                        } catch (SQLException e) {
                            return e;
                        }
                    });
            Thread.sleep(500);
            first.commit();
            Object outcome = other.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(
                    Integer.valueOf(0).equals(outcome) || outcome instanceof SQLException,
                    "the second insert stores nothing: " + outcome);
            try (Statement s = first.createStatement();
                    ResultSet rs = s.executeQuery(
                            "select count(*) from authorization_code where authorization_request = 'probe-parallel'")) {
                rs.next();
                assertEquals(1, rs.getLong(1));
            }
            first.setAutoCommit(true);
        }
    }

    /** A second code for the same consent page's request is refused; codes without one are not. */
    @Test
    @OperateOnDeployment("probe")
    void anAuthorizationRequestHasOneCodeAtMost() throws Exception {
        try (Connection c = connection()) {
            long grant = probeGrant(c);
            insertCode(c, grant, "probe-hash-1", "probe-request");
            assertThrows(SQLException.class, () -> insertCode(c, grant, "probe-hash-2", "probe-request"));
            insertCode(c, grant, "probe-hash-3", null);
            insertCode(c, grant, "probe-hash-4", null);
            try (Statement s = c.createStatement();
                    ResultSet rs =
                            s.executeQuery("select count(*) from authorization_code where grant_id = " + grant)) {
                rs.next();
                assertEquals(3, rs.getLong(1));
            }
        }
    }

    static final String INSERT_CLIENT = "insert into client_application (realm, name, kind, client_type,"
            + " client_id, secret_hash, jwks, user_id, active, access_token_seconds, refresh_token_seconds,"
            + " created_at, updated_at, version) values ('erp', 'probe', 'OWN', ?, ?, ?, ?, (select min(id) from"
            + " app_user where realm = 'erp'), true, 300, 3600, current_timestamp, current_timestamp, 0)";

    private static void insertClient(Connection c, String type, String clientId, String secretHash, String jwks)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_CLIENT)) {
            ps.setString(1, type);
            ps.setString(2, clientId);
            ps.setString(3, secretHash);
            ps.setString(4, jwks);
            ps.executeUpdate();
        }
    }

    /**
     * A confidential application authenticates with a secret or with keys (private_key_jwt), never
     * with both or neither; a public one with neither; the FAPI 2.0 switch only with keys.
     */
    @Test
    @OperateOnDeployment("probe")
    void anApplicationHasASecretOrKeysNotBoth() throws Exception {
        String keys = "{\"keys\":[]}";
        try (Connection c = connection();
                Statement s = c.createStatement()) {
            try {
                insertClient(c, "CONFIDENTIAL", "probe-secret", "hash", null);
                insertClient(c, "CONFIDENTIAL", "probe-keys", null, keys);
                assertThrows(SQLException.class, () -> insertClient(c, "CONFIDENTIAL", "probe-both", "hash", keys));
                assertThrows(SQLException.class, () -> insertClient(c, "CONFIDENTIAL", "probe-neither", null, null));
                assertThrows(SQLException.class, () -> insertClient(c, "PUBLIC", "probe-public", null, keys));
                assertThrows(
                        SQLException.class,
                        () -> s.executeUpdate("update client_application set jwks = '" + keys
                                + "' where client_id = 'probe-secret'"));
                assertThrows(
                        SQLException.class,
                        () -> s.executeUpdate(
                                "update client_application set secret_hash = 'hash' where client_id = 'probe-keys'"));
                // FAPI 2.0 needs keys: not for an application with a secret, and its keys stay while it is on
                assertThrows(
                        SQLException.class,
                        () -> s.executeUpdate("update client_application set fapi2_since = current_timestamp"
                                + " where client_id = 'probe-secret'"));
                assertEquals(
                        1,
                        s.executeUpdate("update client_application set fapi2_since = current_timestamp"
                                + " where client_id = 'probe-keys'"));
                assertThrows(
                        SQLException.class,
                        () -> s.executeUpdate(
                                "update client_application set jwks = null, secret_hash = 'hash' where client_id = 'probe-keys'"));
                try (ResultSet rs =
                        s.executeQuery("select count(*) from client_application where client_id like 'probe-%'")) {
                    rs.next();
                    assertEquals(2, rs.getLong(1));
                }
            } finally {
                s.executeUpdate("delete from client_application where client_id like 'probe-%'");
            }
        }
    }

    @Test
    @OperateOnDeployment("probe")
    void aSecondActiveRowOfTheSameKindIsRefusedByTheDatabase() throws Exception {
        try (Connection c = connection()) {
            insert(c, 990_001, true);
            assertThrows(SQLException.class, () -> insert(c, 990_002, true));
            assertEquals(1, active(c));
        }
    }

    @Test
    @OperateOnDeployment("probe")
    void activatingASecondRowByUpdateIsRefusedByTheDatabase() throws Exception {
        try (Connection c = connection()) {
            insert(c, 990_003, true);
            insert(c, 990_004, false);
            assertThrows(SQLException.class, () -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate(
                            "update access_credential set active = true, active_kind = kind where number = 990004");
                }
            });
            assertEquals(1, active(c));
        }
    }

    @Test
    @OperateOnDeployment("probe")
    void anActiveRowWithoutItsKindMarkerIsRefusedByTheDatabase() throws Exception {
        try (Connection c = connection()) {
            insert(c, 990_005, true);
            assertThrows(SQLException.class, () -> insert(c, 990_006, true, null));
            assertEquals(1, active(c));
        }
    }
}
