package de.erpconnect.domain.client;

import de.erpconnect.domain.shared.Base64UrlAlphabet;
import java.security.SecureRandom;
import java.util.Base64;

/** A generated, public client identifier (RFC 6749 §2.2). */
public record ClientId(String value) {

    public static final int MAX_LENGTH = 64;

    public ClientId {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("malformed client id");
        }
    }

    /**
     * Whether an untrusted string could be a client id at all (before any lookup): 1 to 64 of
     * the base64url alphabet.
     */
    public static boolean isWellFormed(String value) {
        return value != null
                && !value.isEmpty()
                && value.length() <= MAX_LENGTH
                && Base64UrlAlphabet.containsAll(value);
    }

    /** 128 random bits, base64url: unguessable so that ids cannot be enumerated. */
    public static ClientId generate(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return new ClientId("ec-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    @Override
    public String toString() {
        return value;
    }
}
