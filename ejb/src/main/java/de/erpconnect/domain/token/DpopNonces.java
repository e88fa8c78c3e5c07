package de.erpconnect.domain.token;

import java.time.Instant;

/**
 * The server's DPoP nonces (RFC 9449 §8 and §9): values the server hands out in {@code DPoP-Nonce}
 * and requires in every proof, so that a proof cannot be made ahead of time. They prove themselves
 * (no stored state) and are the same on every node of a cluster.
 */
public interface DpopNonces {

    /** The nonce to hand out now. */
    String current(Instant now);

    /** Whether a proof's nonce was handed out recently enough to be accepted. */
    boolean accepts(String nonce, Instant now);
}
