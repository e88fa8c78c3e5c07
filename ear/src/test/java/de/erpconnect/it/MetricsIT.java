package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code /metrics}: request counts and latency histograms of the token and GraphQL endpoints, admins only. */
@ExtendWith(ArquillianExtension.class)
class MetricsIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItEnv.ear();
    }

    @Test
    void tokenAndGraphqlRequestsAreCountedAndTimed() {
        JsonObject app = Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), null);
        String before = metrics();
        String token = Fixtures.token(app);
        Http.Res read = Http.graphql(token, GraphqlAccessIT.QUERY);
        assertEquals(200, read.status(), read.body());
        Http.Res refused = Http.token(Http.basic(app.getString("clientId"), "wrong"), "grant_type=client_credentials");
        assertEquals(401, refused.status());
        String after = metrics();

        assertTrue(count(after, "token", "200") >= count(before, "token", "200") + 1, after);
        assertTrue(count(after, "token", "401") >= count(before, "token", "401") + 1, after);
        assertTrue(count(after, "graphql", "200") >= count(before, "graphql", "200") + 1, after);
        assertTrue(after.contains("# TYPE erpconnect_http_request_duration_seconds histogram"), after);

        // a histogram: cumulative buckets, +Inf equal to the count, a positive sum
        Matcher buckets = Pattern.compile(
                        "erpconnect_http_request_duration_seconds_bucket\\{endpoint=\"token\",status=\"200\",le=\"([^\"]+)\"} (\\d+)")
                .matcher(after);
        long previous = 0;
        long last = -1;
        int seen = 0;
        while (buckets.find()) {
            long value = Long.parseLong(buckets.group(2));
            assertTrue(value >= previous, "buckets are cumulative: " + buckets.group());
            previous = value;
            last = value;
            seen++;
        }
        assertEquals(14, seen, "13 bounds and +Inf");
        assertEquals(count(after, "token", "200"), last, "+Inf holds every request");
        assertTrue(after.contains("erpconnect_jvm_heap_used_bytes "), after);
    }

    @Test
    void onlyAdminsReadTheMetrics() {
        assertEquals(401, Http.get("/metrics", null).status());
        String user = Fixtures.user(Map.of(), List.of("user"));
        assertEquals(
                403,
                Http.get("/metrics", Http.basic(user, Fixtures.PASSWORD + user)).status());
        Http.Res admin = Http.get("/metrics", Http.admin());
        assertEquals(200, admin.status());
        assertTrue(admin.header("Content-Type").startsWith("text/plain; version=0.0.4"), admin.header("Content-Type"));
    }

    private static String metrics() {
        Http.Res r = Http.get("/metrics", Http.admin());
        assertEquals(200, r.status(), r.body());
        return r.body();
    }

    private static long count(String metrics, String endpoint, String status) {
        Matcher m = Pattern.compile("erpconnect_http_requests_total\\{endpoint=\"" + endpoint + "\",status=\"" + status
                        + "\"} (\\d+)")
                .matcher(metrics);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
