package de.erpconnect.domain.client;

/**
 * Keyed one-way hash of generated client secrets. Secrets carry ≥ 256 bits of entropy, so a fast
 * keyed hash (HMAC-SHA-256 with a server pepper) is as safe as a slow password hash and keeps the
 * token endpoint fast (DESIGN §5).
 */
public interface SecretHasher {

    String hash(String rawSecret);

    /** Constant-time comparison of {@code rawSecret}'s hash with {@code expectedHash}. */
    boolean matches(String rawSecret, String expectedHash);
}
