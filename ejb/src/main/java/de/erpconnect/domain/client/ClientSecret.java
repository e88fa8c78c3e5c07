package de.erpconnect.domain.client;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * A freshly generated client secret: 256 random bits, base64url. It exists in clear only in the
 * one response that creates it; {@link #toString()} never reveals it.
 */
public final class ClientSecret {

    private final String value;

    private ClientSecret(String value) {
        this.value = value;
    }

    public static ClientSecret generate(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return new ClientSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The clear value, for the one-time response only. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "ClientSecret[***]";
    }
}
