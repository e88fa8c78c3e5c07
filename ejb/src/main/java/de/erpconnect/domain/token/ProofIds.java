package de.erpconnect.domain.token;

/**
 * The ids ({@code jti}) of the DPoP proofs accepted (RFC 9449 §11.1), each as its SHA-256, kept as
 * long as the proof could still be accepted; the same for every node of a cluster, without a
 * database write per request.
 */
public interface ProofIds {

    /** Records the first use of a proof id (its hash); false when it was used before. */
    boolean firstUse(String jtiHash);
}
