package de.erpconnect.application.shared;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small concurrent cache whose entries expire after a fixed time. Bounded: when full it is
 * emptied, which only costs reloads. Empty results are cached too, so unknown keys cannot be used
 * to hammer the database.
 */
public final class ExpiringCache<K, V> {

    private record Entry<V>(Optional<V> value, long expiresAtNanos) {}

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;

    public ExpiringCache(long ttlMillis, int maxEntries) {
        this.ttlNanos = ttlMillis * 1_000_000L;
        this.maxEntries = maxEntries;
    }

    public Optional<V> get(K key, Function<K, Optional<V>> loader) {
        long now = System.nanoTime();
        Entry<V> entry = entries.get(key);
        if (entry != null && now - entry.expiresAtNanos < 0) {
            return entry.value;
        }
        Optional<V> loaded = loader.apply(key);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(loaded, now + ttlNanos));
        return loaded;
    }

    public void invalidate(K key) {
        entries.remove(key);
    }

    public void invalidateAll() {
        entries.clear();
    }
}
