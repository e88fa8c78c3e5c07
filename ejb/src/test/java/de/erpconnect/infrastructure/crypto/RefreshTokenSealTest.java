package de.erpconnect.infrastructure.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.erpconnect.domain.grant.RefreshTokenId;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class RefreshTokenSealTest {

    private static SecretKey newPepper() throws Exception {
        return KeyGenerator.getInstance("HmacSHA256").generateKey();
    }

    @Test
    void aSealedTokenOpensToItsChainAndGeneration() throws Exception {
        HmacRefreshTokenSeal seal = HmacRefreshTokenSeal.withPepper(newPepper());
        String token = seal.seal(new RefreshTokenId(42, 7));
        assertEquals(64, token.length());
        assertTrue(token.matches("[A-Za-z0-9_-]{64}"), "base64url without a dot: never taken for a JWT");
        assertEquals(Optional.of(new RefreshTokenId(42, 7)), seal.open(token));
        assertNotEquals(token, seal.seal(new RefreshTokenId(42, 8)), "every generation has a value of its own");
        assertEquals(token, seal.seal(new RefreshTokenId(42, 7)), "a generation always has the same value");
    }

    @Test
    void forgedAlteredAndForeignTokensDoNotOpen() throws Exception {
        SecretKey pepper = newPepper();
        HmacRefreshTokenSeal seal = HmacRefreshTokenSeal.withPepper(pepper);
        String token = seal.seal(new RefreshTokenId(42, 7));
        byte[] bytes = Base64.getUrlDecoder().decode(token);

        byte[] otherGeneration = bytes.clone();
        otherGeneration[15] = 8; // generation 8 with the MAC of generation 7
        assertFalse(seal.open(Base64.getUrlEncoder().withoutPadding().encodeToString(otherGeneration))
                .isPresent());
        byte[] flippedMac = bytes.clone();
        flippedMac[47] ^= 1;
        assertFalse(seal.open(Base64.getUrlEncoder().withoutPadding().encodeToString(flippedMac))
                .isPresent());

        assertFalse(HmacRefreshTokenSeal.withPepper(newPepper()).open(token).isPresent(), "another server's key");
        assertTrue(HmacRefreshTokenSeal.withPepper(pepper).open(token).isPresent(), "the same key on another node");

        assertFalse(seal.open(null).isPresent());
        assertFalse(seal.open("").isPresent());
        assertFalse(seal.open(token.substring(1)).isPresent());
        assertFalse(seal.open(token + "A").isPresent());
        assertFalse(seal.open(token.substring(0, 63) + "=").isPresent());
        assertFalse(seal.open(token.replace(token.charAt(10), '.')).isPresent());
        assertFalse(seal.open("a".repeat(64)).isPresent());
    }

    @Test
    void onlyPositiveIdsAreSealed() throws Exception {
        HmacRefreshTokenSeal seal = HmacRefreshTokenSeal.withPepper(newPepper());
        assertThrows(IllegalArgumentException.class, () -> seal.seal(new RefreshTokenId(0, 1)));
        assertThrows(IllegalArgumentException.class, () -> seal.seal(new RefreshTokenId(1, 0)));
    }
}
