package de.erpconnect.application.client;

import de.erpconnect.domain.client.ClientId;
import de.erpconnect.domain.client.ClientKeys;
import de.erpconnect.domain.client.JwksUri;
import de.erpconnect.domain.client.KeySetFetcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The keys of applications that publish them at a {@code jwks_uri}, per node: fetched again when
 * the last fetch is older than {@value #FRESH_SECONDS} s (a key the partner app withdrew stops
 * working within that time), and at once when an assertion names a {@code kid} the set lacks (a
 * new key works at once) — but not more often than every {@value #REFETCH_SECONDS} s per
 * application and node, so that assertions with made-up kids cannot make the server fetch without
 * pause. One request fetches at a time (within the fetcher's time limit); the others meanwhile use
 * the last keys and wait for nothing. A changed set is stored with the application ({@link
 * FetchedKeys}), so that the last keys survive a restart; a failed fetch keeps them (logged).
 */
@ApplicationScoped
public class RemoteClientKeys {

    static final long FRESH_SECONDS = 300;
    static final long REFETCH_SECONDS = 10;
    private static final int MAX_ENTRIES = 10_000;
    private static final Logger LOG = Logger.getLogger(RemoteClientKeys.class);

    @Inject
    KeySetFetcher fetcher;

    @Inject
    FetchedKeys stored;

    /** The last keys of one application's uri, when they were fetched, and whether a fetch runs. */
    private static final class Source {
        volatile ClientKeys keys;
        volatile long fetchedAtNanos;
        final AtomicBoolean fetching = new AtomicBoolean();

        Source(ClientKeys keys, long fetchedAtNanos) {
            this.keys = keys;
            this.fetchedAtNanos = fetchedAtNanos;
        }
    }

    private final ConcurrentHashMap<String, Source> sources = new ConcurrentHashMap<>();

    /** The keys registration fetched just now: fresh for {@value #FRESH_SECONDS} s. */
    public void fetched(ClientId clientId, JwksUri uri, ClientKeys keys) {
        sources.put(key(clientId, uri), new Source(keys, System.nanoTime()));
    }

    /** The keys to check an assertion with; {@code known} are the keys stored with the application. */
    public ClientKeys current(ClientId clientId, JwksUri uri, ClientKeys known) {
        return refreshedIfOlder(clientId, uri, known, FRESH_SECONDS);
    }

    /** The same after an assertion named a kid the current keys lack. */
    public ClientKeys afterUnknownKid(ClientId clientId, JwksUri uri, ClientKeys known) {
        return refreshedIfOlder(clientId, uri, known, REFETCH_SECONDS);
    }

    private ClientKeys refreshedIfOlder(ClientId clientId, JwksUri uri, ClientKeys known, long seconds) {
        if (sources.size() >= MAX_ENTRIES) {
            sources.clear();
        }
        // unknown here (a restart, another node): the stored keys, due for a fetch
        Source source = sources.computeIfAbsent(
                key(clientId, uri), k -> new Source(known, System.nanoTime() - FRESH_SECONDS * 1_000_000_000L));
        if (System.nanoTime() - source.fetchedAtNanos < seconds * 1_000_000_000L
                || !source.fetching.compareAndSet(false, true)) {
            return source.keys;
        }
        try {
            ClientKeys keys = fetcher.fetch(uri);
            if (!keys.json().equals(source.keys.json())) {
                source.keys = keys;
                stored.store(clientId, uri, keys);
            }
        } catch (RuntimeException e) {
            LOG.warnf("The JWK Set at %s could not be fetched again; the last keys stay: %s", uri, e.getMessage());
        } finally {
            source.fetchedAtNanos = System.nanoTime();
            source.fetching.set(false);
        }
        return source.keys;
    }

    private static String key(ClientId clientId, JwksUri uri) {
        return clientId.value() + ' ' + uri;
    }
}
