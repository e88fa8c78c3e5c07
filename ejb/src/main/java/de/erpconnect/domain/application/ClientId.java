package de.erpconnect.domain.application;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** A generated, public client identifier (RFC 6749 §2.2). */
public record ClientId(String value) {

    public static final int MAX_LENGTH = 64;
    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public ClientId {
        if (value == null || !SYNTAX.matcher(value).matches()) {
            throw new IllegalArgumentException("malformed client id");
        }
    }

    /** Whether an untrusted string could be a client id at all (before any lookup). */
    public static boolean isWellFormed(String value) {
        return value != null && SYNTAX.matcher(value).matches();
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
