package de.erpconnect.domain.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class ClientIdTest {

    @Test
    void wellFormedIsOneToSixtyFourOfTheIdAlphabet() {
        assertTrue(ClientId.isWellFormed("a"));
        assertTrue(ClientId.isWellFormed("ec-AZaz09_-"));
        assertTrue(ClientId.isWellFormed("x".repeat(64)));
        assertFalse(ClientId.isWellFormed(null));
        assertFalse(ClientId.isWellFormed(""));
        assertFalse(ClientId.isWellFormed("x".repeat(65)));
        for (String bad : new String[] {"a b", "a.b", "a@b", "a/b", "ä", "a\u0000", "a\n", "a+b", "a=b"}) {
            assertFalse(ClientId.isWellFormed(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> new ClientId(bad), bad);
        }
    }

    @Test
    void generatedIdsAreWellFormedAndDistinct() {
        SecureRandom random = new SecureRandom();
        ClientId a = ClientId.generate(random);
        ClientId b = ClientId.generate(random);
        assertTrue(ClientId.isWellFormed(a.value()));
        assertTrue(a.value().startsWith("ec-"));
        assertEquals(25, a.value().length());
        assertFalse(a.equals(b));
    }
}
