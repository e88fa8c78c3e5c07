package de.erpconnect.application.token;

import de.erpconnect.domain.client.ClientKeys;
import de.erpconnect.domain.client.JwksUri;
import de.erpconnect.domain.client.KeySetFetcher;
import de.erpconnect.domain.shared.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The keys of applications that publish them at a {@code jwks_uri}, per node: fetched again when
 * the last fetch is older than {@value #FRESH_SECONDS} s (a key the partner app withdrew stops
 * working within that time), and at once when an assertion names a {@code kid} the set lacks (a
 * new key works at once) — but not more often than every {@value #REFETCH_SECONDS} s per
 * application, so that assertions with made-up kids cannot make the server fetch without pause. A
 * failed fetch keeps the last keys (logged): the partner app's outage does not lock it out.
 */
@ApplicationScoped
public class RemoteClientKeys {

    static final long FRESH_SECONDS = 300;
    static final long REFETCH_SECONDS = 10;
    private static final int MAX_ENTRIES = 10_000;
    private static final Logger LOG = Logger.getLogger(RemoteClientKeys.class);

    @Inject
    KeySetFetcher fetcher;

    private record Fetched(ClientKeys keys, long fetchedAtNanos) {}

    private final ConcurrentHashMap<String, Fetched> fetched = new ConcurrentHashMap<>();

    /** The keys to check an assertion with; {@code known} is the set stored at registration. */
    ClientKeys current(JwksUri uri, ClientKeys known) {
        return refreshedIfOlder(uri, known, FRESH_SECONDS);
    }

    /** The same after an assertion named a kid the current keys lack. */
    ClientKeys afterUnknownKid(JwksUri uri, ClientKeys known) {
        return refreshedIfOlder(uri, known, REFETCH_SECONDS);
    }

    private ClientKeys refreshedIfOlder(JwksUri uri, ClientKeys known, long seconds) {
        String key = uri.toString();
        Fetched last = fetched.get(key);
        long now = System.nanoTime();
        if (last != null && now - last.fetchedAtNanos() < seconds * 1_000_000_000L) {
            return last.keys();
        }
        if (fetched.size() >= MAX_ENTRIES) {
            fetched.clear();
        }
        // one fetch per uri at a time; whoever waits gets its result
        return fetched.compute(key, (k, previous) -> {
                    if (previous != null && System.nanoTime() - previous.fetchedAtNanos() < seconds * 1_000_000_000L) {
                        return previous;
                    }
                    ClientKeys keys = previous == null ? known : previous.keys();
                    try {
                        keys = fetcher.fetch(uri);
                    } catch (InvalidInputException e) {
                        LOG.warnf(
                                "The JWK Set at %s could not be fetched again; the last keys stay: %s",
                                k, e.getMessage());
                    }
                    return new Fetched(keys, System.nanoTime());
                })
                .keys();
    }
}
