package de.erpconnect.domain.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.shared.RealmId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessCredentialTest {

    private static final CredentialKind CLOUD =
            new CredentialKind("MICROTECH_CLOUD", "microtech Cloud", Optional.empty());

    @Test
    void theNameIsPrefilledFromTheKindAndTheNumberIsBounded() {
        AccessCredential c = new AccessCredential(RealmId.ERP, 7, CLOUD, Instant.now());
        assertEquals("microtech Cloud", c.getName());
        assertThrows(InvalidInputException.class, () -> new AccessCredential(RealmId.ERP, 0, CLOUD, Instant.now()));
        assertThrows(
                InvalidInputException.class, () -> new AccessCredential(RealmId.ERP, 1_000_000, CLOUD, Instant.now()));
    }

    @Test
    void activationMarksTheKindForTheDatabaseRule() {
        AccessCredential c = new AccessCredential(RealmId.ERP, 7, CLOUD, Instant.now());
        assertFalse(c.isActive());
        c.activate(Instant.now());
        assertTrue(c.isActive());
        c.deactivate(Instant.now());
        assertFalse(c.isActive());
    }

    @Test
    void theSecretIsBoundToTheRecord() {
        assertEquals(
                "access-credential:erp:7", new AccessCredential(RealmId.ERP, 7, CLOUD, Instant.now()).secretContext());
    }

    @Test
    void descriptionsAreValidated() {
        AccessCredential c = new AccessCredential(RealmId.ERP, 7, CLOUD, Instant.now());
        assertThrows(InvalidInputException.class, () -> c.describe(" ", "id", null, Instant.now()));
        assertThrows(InvalidInputException.class, () -> c.describe("n", "", null, Instant.now()));
        assertThrows(InvalidInputException.class, () -> c.describe("n", "a\nb", null, Instant.now()));
        assertThrows(InvalidInputException.class, () -> c.describe("n", "id", "x".repeat(4001), Instant.now()));
        assertThrows(InvalidInputException.class, () -> new CredentialKind("lower", "x", Optional.empty()));
        assertEquals("microtech Cloud", c.getName(), "a refused description changes nothing");
    }

    @Test
    void controlCharactersAreRefusedExceptLineBreaksAndTabsInTheInfo() {
        // PostgreSQL cannot store U+0000 in text at all: without this check a NUL became a 500
        AccessCredential c = new AccessCredential(RealmId.ERP, 7, CLOUD, Instant.now());
        assertThrows(InvalidInputException.class, () -> c.describe("\u0000\u001f", "id", null, Instant.now()));
        assertThrows(InvalidInputException.class, () -> c.describe("a\tb", "id", null, Instant.now()));
        assertThrows(InvalidInputException.class, () -> c.describe("n", "id", "a\u0000b", Instant.now()));
        assertThrows(InvalidInputException.class, () -> c.describe("n", "id", "a\u007fb", Instant.now()));
        c.describe("Shop", "id", "Zeile 1\r\nZeile 2\tTab", Instant.now());
        assertEquals("Shop", c.getName());
        assertEquals("Zeile 1\r\nZeile 2\tTab", c.getInfo());
    }
}
