package de.erpconnect.application.client;

import de.erpconnect.domain.client.ClientId;
import de.erpconnect.domain.client.ClientKeys;
import de.erpconnect.domain.client.JwksUri;
import de.erpconnect.domain.client.KeySetFetcher;
import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.shared.RealmId;
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
    public void fetched(RealmId realm, ClientId clientId, JwksUri uri, ClientKeys keys) {
        sources.put(key(realm, clientId, uri), new Source(keys, System.nanoTime()));
    }

    /** The keys to check an assertion with; {@code known} are the keys stored with the application. */
    public ClientKeys current(RealmId realm, ClientId clientId, JwksUri uri, ClientKeys known) {
        return refreshedIfOlder(realm, clientId, uri, known, FRESH_SECONDS);
    }

    /** The same after an assertion named a kid the current keys lack. */
    public ClientKeys afterUnknownKid(RealmId realm, ClientId clientId, JwksUri uri, ClientKeys known) {
        return refreshedIfOlder(realm, clientId, uri, known, REFETCH_SECONDS);
    }

    private ClientKeys refreshedIfOlder(RealmId realm, ClientId clientId, JwksUri uri, ClientKeys known, long seconds) {
        if (sources.size() >= MAX_ENTRIES) {
            sources.clear();
        }
        // unknown here (a restart, another node): the stored keys, due for a fetch
        Source source = sources.computeIfAbsent(
                key(realm, clientId, uri), k -> new Source(known, System.nanoTime() - FRESH_SECONDS * 1_000_000_000L));
        if (System.nanoTime() - source.fetchedAtNanos < seconds * 1_000_000_000L
                || !source.fetching.compareAndSet(false, true)) {
            return source.keys;
        }
        try {
            ClientKeys keys = fetcher.fetch(uri);
            if (!keys.json().equals(source.keys.json())) {
                // stored first: a set that could not be stored is fetched and stored again next time
                stored.store(realm, clientId, uri, keys);
                source.keys = keys;
            }
        } catch (InvalidInputException e) {
            LOG.warnf("The JWK Set at %s could not be fetched again; the last keys stay: %s", uri, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf(e, "The JWK Set fetched from %s could not be stored; the last keys stay", uri);
        } finally {
            source.fetchedAtNanos = System.nanoTime();
            source.fetching.set(false);
        }
        return source.keys;
    }

    private static String key(RealmId realm, ClientId clientId, JwksUri uri) {
        return realm.value() + ' ' + clientId.value() + ' ' + uri;
    }
}
