package de.erpconnect.domain.application;

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
     * {@code [A-Za-z0-9_-]}. A plain loop: it runs on every client authentication and bearer check.
     */
    public static boolean isWellFormed(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
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
