package de.erpconnect.infrastructure.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Instant;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class DpopNoncesTest {

    private static SecretKey pepper() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new SecretKeySpec(key, "HmacSHA256");
    }

    @Test
    void aNonceIsGoodInItsMinuteTheNextAndTheOneBeforeAndOnEveryNodeWithTheSameKey() {
        SecretKey pepper = pepper();
        HmacDpopNonces node = HmacDpopNonces.withPepper(pepper);
        Instant minute = Instant.ofEpochSecond(1_800_000_000L / 60 * 60);
        String nonce = node.current(minute.plusSeconds(5));
        assertEquals(32, nonce.length());
        assertEquals(nonce, node.current(minute.plusSeconds(59)), "one nonce per minute");
        assertNotEquals(nonce, node.current(minute.plusSeconds(60)), "a new one the next minute");
        assertTrue(node.accepts(nonce, minute.plusSeconds(119)));
        assertFalse(node.accepts(nonce, minute.plusSeconds(120)), "two minutes on: too old");
        assertTrue(node.accepts(nonce, minute.minusSeconds(1)), "a node whose clock runs behind");
        assertFalse(node.accepts(nonce, minute.minusSeconds(61)), "not two minutes before it was made");
        assertTrue(HmacDpopNonces.withPepper(pepper).accepts(nonce, minute.plusSeconds(30)), "another node");
        assertFalse(HmacDpopNonces.withPepper(pepper()).accepts(nonce, minute.plusSeconds(30)), "another key");
    }

    @Test
    void aChangedOrMalformedNonceIsRefused() {
        HmacDpopNonces nonces = HmacDpopNonces.withPepper(pepper());
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        String nonce = nonces.current(now);
        char last = nonce.charAt(31);
        assertFalse(nonces.accepts(nonce.substring(0, 31) + (last == 'A' ? 'B' : 'A'), now));
        assertFalse(nonces.accepts(nonce.substring(1), now));
        assertFalse(nonces.accepts("!".repeat(32), now));
        assertFalse(nonces.accepts(null, now));
    }
}
