package de.erpconnect.infrastructure.crypto;

import de.erpconnect.domain.client.ClientCredentialsFactory;
import de.erpconnect.domain.client.ClientId;
import de.erpconnect.domain.client.ClientSecret;
import de.erpconnect.domain.client.SecretHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256 of client secrets keyed with the server pepper (DESIGN §5): a stolen database
 * alone does not allow checking guesses, and a check costs microseconds, not the 50–100 ms of a
 * password hash.
 */
@ApplicationScoped
public class HmacSecretHasher implements SecretHasher, ClientCredentialsFactory {

    @Inject
    MasterKeys keys;

    private SecretKey pepper;
    private final SecureRandom random = new SecureRandom();
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public HmacSecretHasher() {}

    /** A hasher with a given pepper, outside the container (tests, tools). */
    public static HmacSecretHasher withPepper(SecretKey pepper) {
        HmacSecretHasher hasher = new HmacSecretHasher();
        hasher.pepper = pepper;
        return hasher;
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            SecretKey key = pepper != null ? pepper : keys.pepper();
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String hash(String rawSecret) {
        byte[] digest = macs.get().doFinal(rawSecret.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    @Override
    public boolean matches(String rawSecret, String expectedHash) {
        byte[] actual = hash(rawSecret).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(actual, expectedHash.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public ClientId newClientId() {
        return ClientId.generate(random);
    }

    @Override
    public ClientSecret newSecret() {
        return ClientSecret.generate(random);
    }

    @Override
    public String hash(ClientSecret secret) {
        return hash(secret.reveal());
    }
}
