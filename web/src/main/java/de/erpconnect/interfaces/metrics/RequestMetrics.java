package de.erpconnect.interfaces.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts and latency histograms of the endpoints partner apps call (token, introspection,
 * revocation, GraphQL), per endpoint and HTTP status, in memory of this node; written in the
 * Prometheus text format (version 0.0.4). Lock-free: one {@link LongAdder} per bucket.
 */
@ApplicationScoped
public class RequestMetrics {

    /** Upper bounds of the latency buckets, in seconds. */
    static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private static final class Series {
        final LongAdder[] buckets = new LongAdder[BUCKETS.length];
        final LongAdder count = new LongAdder();
        final LongAdder nanos = new LongAdder();

        Series() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void record(long elapsedNanos) {
            count.increment();
            nanos.add(elapsedNanos);
            double seconds = elapsedNanos / 1e9;
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    buckets[i].increment();
                    return;
                }
            }
        }
    }

    /** Key: endpoint + '\n' + status; the statuses an endpoint answers are few. */
    private final Map<String, Series> series = new ConcurrentHashMap<>();

    public void record(String endpoint, int status, long elapsedNanos) {
        series.computeIfAbsent(endpoint + "\n" + status, k -> new Series()).record(elapsedNanos);
    }

    /** All series, sorted, in the Prometheus text format. */
    public String prometheusText() {
        StringBuilder out = new StringBuilder(4096);
        Map<String, Series> sorted = new TreeMap<>(series);
        out.append("# HELP erpconnect_http_requests_total Requests answered by the endpoint, by HTTP status.\n");
        out.append("# TYPE erpconnect_http_requests_total counter\n");
        sorted.forEach((key, s) -> out.append("erpconnect_http_requests_total")
                .append(labels(key, null))
                .append(' ')
                .append(s.count.sum())
                .append('\n'));
        out.append("# HELP erpconnect_http_request_duration_seconds Time to answer, by endpoint and HTTP status.\n");
        out.append("# TYPE erpconnect_http_request_duration_seconds histogram\n");
        sorted.forEach((key, s) -> {
            long cumulative = 0;
            for (int i = 0; i < BUCKETS.length; i++) {
                cumulative += s.buckets[i].sum();
                out.append("erpconnect_http_request_duration_seconds_bucket")
                        .append(labels(key, number(BUCKETS[i])))
                        .append(' ')
                        .append(cumulative)
                        .append('\n');
            }
            long count = s.count.sum();
            out.append("erpconnect_http_request_duration_seconds_bucket")
                    .append(labels(key, "+Inf"))
                    .append(' ')
                    .append(count)
                    .append('\n');
            out.append("erpconnect_http_request_duration_seconds_sum")
                    .append(labels(key, null))
                    .append(' ')
                    .append(number(s.nanos.sum() / 1e9))
                    .append('\n');
            out.append("erpconnect_http_request_duration_seconds_count")
                    .append(labels(key, null))
                    .append(' ')
                    .append(count)
                    .append('\n');
        });
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        out.append("# HELP erpconnect_jvm_heap_used_bytes Heap in use.\n");
        out.append("# TYPE erpconnect_jvm_heap_used_bytes gauge\n");
        out.append("erpconnect_jvm_heap_used_bytes ").append(heap.getUsed()).append('\n');
        out.append("# HELP erpconnect_jvm_heap_committed_bytes Heap reserved from the system.\n");
        out.append("# TYPE erpconnect_jvm_heap_committed_bytes gauge\n");
        out.append("erpconnect_jvm_heap_committed_bytes ")
                .append(heap.getCommitted())
                .append('\n');
        return out.toString();
    }

    private static String labels(String key, String le) {
        int newline = key.indexOf('\n');
        String labels = "{endpoint=\"" + key.substring(0, newline) + "\",status=\"" + key.substring(newline + 1) + "\"";
        return (le == null ? labels : labels + ",le=\"" + le + "\"") + "}";
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%s", value);
    }
}
