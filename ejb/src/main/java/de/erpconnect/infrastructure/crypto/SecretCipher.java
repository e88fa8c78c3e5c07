package de.erpconnect.infrastructure.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for secrets at rest with the master key. Output: version byte, 12-byte random IV,
 * ciphertext with 128-bit tag. The {@code context} (e.g. "signing-key:k1") is bound as associated
 * data, so a ciphertext copied into another record does not decrypt.
 */
@ApplicationScoped
public class SecretCipher {

    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    @Inject
    MasterKeys keys;

    private SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public SecretCipher() {}

    /** A cipher with a given key, outside the container (tests, tools). */
    public static SecretCipher withKey(SecretKey key) {
        SecretCipher cipher = new SecretCipher();
        cipher.key = key;
        return cipher;
    }

    public byte[] encrypt(byte[] plaintext, String context) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, aesKey(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] ct = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + IV_BYTES + ct.length)
                    .put(VERSION)
                    .put(iv)
                    .put(ct)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public byte[] decrypt(byte[] sealed, String context) {
        if (sealed.length < 1 + IV_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new IllegalStateException("unknown ciphertext format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, aesKey(), new GCMParameterSpec(TAG_BITS, sealed, 1, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, 1 + IV_BYTES, sealed.length - 1 - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed: wrong master key or tampered data", e);
        }
    }

    private SecretKeySpec aesKey() {
        return new SecretKeySpec((key != null ? key : keys.master()).getEncoded(), "AES");
    }
}
