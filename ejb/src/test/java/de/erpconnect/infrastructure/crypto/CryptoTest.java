package de.erpconnect.infrastructure.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class CryptoTest {

    @Test
    void aesGcmRoundTripBoundToItsContext() throws Exception {
        SecretKey key = KeyGenerator.getInstance("AES").generateKey();
        SecretCipher cipher = SecretCipher.withKey(key);
        byte[] sealed = cipher.encrypt("geheim".getBytes(StandardCharsets.UTF_8), "signing-key:k1");
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("geheim"));
        assertArrayEquals("geheim".getBytes(StandardCharsets.UTF_8), cipher.decrypt(sealed, "signing-key:k1"));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(sealed, "signing-key:k2"));
        SecretCipher otherKey =
                SecretCipher.withKey(KeyGenerator.getInstance("AES").generateKey());
        assertThrows(IllegalStateException.class, () -> otherKey.decrypt(sealed, "signing-key:k1"));
        sealed[sealed.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(sealed, "signing-key:k1"));
    }

    @Test
    void encryptionIsRandomized() throws Exception {
        SecretCipher cipher =
                SecretCipher.withKey(KeyGenerator.getInstance("AES").generateKey());
        assertFalse(java.util.Arrays.equals(cipher.encrypt(new byte[] {1}, "c"), cipher.encrypt(new byte[] {1}, "c")));
    }

    @Test
    void es256SignaturesAreRawRsAndVerify() throws Exception {
        KeyPair pair = JwsSigner.generateKeyPair();
        String jws = JwsSigner.of(pair.getPrivate()).sign("{\"alg\":\"ES256\"}", "{\"sub\":\"anna\"}");
        String[] parts = jws.split("\\.");
        assertEquals(3, parts.length);
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        assertEquals(64, signature.length, "RFC 7518 §3.4: R and S, 32 bytes each");
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(pair.getPublic());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(verifier.verify(signature));
        assertEquals("{\"sub\":\"anna\"}", new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        verifier.initVerify(JwsSigner.generateKeyPair().getPublic());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertFalse(verifier.verify(signature), "another key does not verify it");
    }

    @Test
    void noncesAreDeterministicPerRfc6979() {
        JwsSigner signer = JwsSigner.of(JwsSigner.generateKeyPair().getPrivate());
        assertEquals(signer.sign("{}", "{\"a\":1}"), signer.sign("{}", "{\"a\":1}"));
        assertFalse(signer.sign("{}", "{\"a\":1}").equals(signer.sign("{}", "{\"a\":2}")));
    }

    @Test
    void keysSurviveTheirEncodings() {
        KeyPair pair = JwsSigner.generateKeyPair();
        assertEquals(pair.getPublic(), JwsSigner.publicKey(pair.getPublic().getEncoded()));
        assertEquals(pair.getPrivate(), JwsSigner.privateKey(pair.getPrivate().getEncoded()));
        String[] xy = JwsSigner.coordinates(pair.getPublic());
        assertEquals(32, Base64.getUrlDecoder().decode(xy[0]).length);
        assertEquals(32, Base64.getUrlDecoder().decode(xy[1]).length);
    }

    @Test
    void bcryptHashesVerifyAndUseAPrefixElytronReads() {
        BcryptPasswordHasher hasher = new BcryptPasswordHasher();
        String hash = hasher.hash("Geheim!2026");
        assertTrue(hash.startsWith("$2"), hash);
        assertFalse(hash.contains("Geheim"));
        assertTrue(hasher.matches("Geheim!2026", hash));
        assertFalse(hasher.matches("geheim!2026", hash));
        assertFalse(hasher.matches("Geheim!2026", "not a hash"));
        assertTrue(hasher.matches("Geheim!2026", "$2b$" + hash.substring(4)), "$2b$ is read as the same algorithm");
    }
}
