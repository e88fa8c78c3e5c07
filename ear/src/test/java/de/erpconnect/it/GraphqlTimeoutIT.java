package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The query timeout of /graphql (DESIGN §7), black box: a statement that cannot finish — here an
 * update of an address row that another transaction holds — ends after the configured limit (the
 * test server runs with 5 s; on H2 a lock wait ends at H2's lock timeout of 10 s) with the error
 * code TIMEOUT, the whole mutation is rolled back, and
 * once the row is free the same mutation succeeds.
 */
@ExtendWith(ArquillianExtension.class)
class GraphqlTimeoutIT {

    static final int TIMEOUT_SECONDS = 5;
    static final int H2_LOCK_TIMEOUT_SECONDS = 10;

    @Deployment(name = "app", order = 1, testable = false)
    static EnterpriseArchive ear() {
        return ItEnv.ear();
    }

    @Deployment(name = "lock-probe", order = 2, testable = false)
    static WebArchive probe() {
        return ShrinkWrap.create(WebArchive.class, "row-lock-probe.war").addClass(RowLockProbe.class);
    }

    static String writer() {
        String login = Fixtures.user(
                Map.of("tblAddresses", List.of("read", "create", "modify")), List.of("user"), List.of(), true);
        return Fixtures.token(Fixtures.application(login, List.of("graphql", "graphql.write"), null));
    }

    @Test
    void aStatementThatCannotFinishEndsAtTheTimeoutAndChangesNothing() throws Exception {
        String token = writer();
        JsonObject saved = GraphqlReadIT.data(
                        token,
                        "mutation { tblAddresses { rowNew { fldSuchBeg(set: {string: \"ZEITLIMIT\"})"
                                + " rowSave { fldAdrNr fldModifyLSN } } } }")
                .getJsonObject("tblAddresses")
                .getJsonObject("rowNew")
                .getJsonObject("rowSave");
        String adrNr = saved.getString("fldAdrNr");
        String modify = "mutation { tblAddresses { rowModify(kf1AdrNr: {string: \"" + adrNr + "\"}, modifyLSN: \""
                + saved.get("fldModifyLSN").toString().replace("\"", "")
                + "\") { fldSuchBeg(set: {string: \"GEAENDERT\"}) } } }";

        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<InputStream> lock = client.send(
                HttpRequest.newBuilder(URI.create(ItEnv.baseUrl() + "/row-lock-probe/lock?adrNr=" + adrNr + "&seconds="
                                + 4 * TIMEOUT_SECONDS))
                        .timeout(Duration.ofSeconds(8L * TIMEOUT_SECONDS))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, lock.statusCode(), "the probe holds the row");
        try (InputStream held = lock.body()) {
            long start = System.nanoTime();
            JsonObject error = GraphqlMutationIT.rolledBack(token, modify);
            long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            System.out.println("GraphqlTimeoutIT: the blocked mutation ended after " + seconds + " s");
            assertEquals("TIMEOUT", error.getJsonObject("extensions").getString("code"), error.toString());
            assertTrue(error.getString("message").contains("tblAddresses"), error.toString());
            // PostgreSQL cancels the statement at the query timeout; H2 does not interrupt a lock wait
            // but ends it at its LOCK_TIMEOUT (10 s, below the product's default limit of 20 s)
            assertTrue(
                    seconds >= TIMEOUT_SECONDS - 1 && seconds <= H2_LOCK_TIMEOUT_SECONDS + 1,
                    "ended by the limit, long before the probe releases the row: " + seconds + " s");
            held.readAllBytes(); // the probe rolls back and releases the row
        }
        assertEquals(
                "ZEITLIMIT",
                GraphqlReadIT.data(
                                token,
                                "{ tblAddresses { rowRead(kf1AdrNr: {string: \"" + adrNr + "\"}) { fldSuchBeg } } }")
                        .getJsonObject("tblAddresses")
                        .getJsonObject("rowRead")
                        .getString("fldSuchBeg"),
                "nothing was changed");
        JsonObject retried =
                GraphqlReadIT.data(token, modify).getJsonObject("tblAddresses").getJsonObject("rowModify");
        assertEquals("GEAENDERT", retried.getString("fldSuchBeg"), "the row is free again");
    }
}
