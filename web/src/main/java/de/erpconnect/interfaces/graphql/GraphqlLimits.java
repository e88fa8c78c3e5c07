package de.erpconnect.interfaces.graphql;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The limits of /graphql (DESIGN §7), each configurable: request size, query depth and
 * complexity, execution time, and a request rate per application (a token bucket per client id,
 * kept per node; lock-free, no sleeping threads).
 */
@ApplicationScoped
public class GraphqlLimits {

    private final int maxRequestBytes = setting("max-request-bytes", 262_144);
    private final int maxDepth = setting("max-depth", 15);
    private final int maxComplexity = setting("max-complexity", 2_000);
    private final int timeoutSeconds = setting("timeout-seconds", 20);
    private final int requestsPerSecond = setting("requests-per-second", 200);
    private final int burst = setting("burst", 400);

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Tokens available and the time they were counted, per application. */
    private record Bucket(double tokens, long atNanos) {}

    /** {@code erpconnect.graphql.<name>} (env {@code ERPCONNECT_GRAPHQL_<NAME>}), or the default. */
    private static int setting(String name, int defaultValue) {
        return ConfigProvider.getConfig()
                .getOptionalValue("erpconnect.graphql." + name, Integer.class)
                .orElse(defaultValue);
    }

    @PostConstruct
    void check() {
        if (maxRequestBytes < 1024 || maxDepth < 3 || requestsPerSecond < 1 || burst < 1 || timeoutSeconds < 1) {
            throw new IllegalStateException("erpconnect.graphql.* limits are out of range");
        }
    }

    public int maxRequestBytes() {
        return maxRequestBytes;
    }

    public int maxDepth() {
        return maxDepth;
    }

    public int maxComplexity() {
        return maxComplexity;
    }

    public int timeoutSeconds() {
        return timeoutSeconds;
    }

    public int requestsPerSecond() {
        return requestsPerSecond;
    }

    /** Takes one request from the application's bucket: 0 = go, else the seconds to wait. */
    long acquire(String clientId) {
        long now = System.nanoTime();
        double[] wait = new double[1];
        buckets.compute(clientId, (k, b) -> {
            double tokens =
                    b == null ? burst : Math.min(burst, b.tokens() + (now - b.atNanos()) / 1e9 * requestsPerSecond);
            if (tokens >= 1) {
                wait[0] = 0;
                return new Bucket(tokens - 1, now);
            }
            wait[0] = (1 - tokens) / requestsPerSecond;
            return new Bucket(tokens, now);
        });
        if (buckets.size() > 100_000) {
            buckets.clear();
        }
        return wait[0] <= 0 ? 0 : Math.max(1, (long) Math.ceil(wait[0]));
    }
}
