package de.erpconnect.domain.grant;

import java.time.Instant;
import java.util.Optional;

/**
 * Pushed authorization requests, kept under the SHA-256 of their request_uri's random part; the
 * database decides that each is taken once, whichever cluster node the browser reaches.
 */
public interface PushedRequestRepository {

    void store(String realm, String requestHash, PushedRequest request);

    /**
     * Marks the request used and returns it, when it exists, is the client's, has not expired at
     * {@code now} and was not used before; empty otherwise (also for the loser of concurrent uses).
     */
    Optional<PushedRequest> take(String realm, String requestHash, String clientId, Instant now);

    /**
     * Moves the expiry of the client's unused, unexpired request later to {@code until} (never
     * earlier), once per request.
     */
    void extend(String realm, String requestHash, String clientId, Instant now, Instant until);
}
