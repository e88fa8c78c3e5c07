package de.erpconnect.domain.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.erpconnect.domain.grant.OpaqueToken;
import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.shared.RealmId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InvitationTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private static Invitation.Issued issue(Duration validity) {
        return Invitation.issue(
                CustomerNumber.parse(" 1234567901234 "),
                new CompanyName(" Musterfirma GmbH "),
                EmailAddress.parse("IT@Muster.example"),
                validity,
                "vendor:vendor",
                NOW);
    }

    @Test
    void aLinkWorksUntilItExpiresAndOnlyItsHashIsKept() {
        Invitation.Issued issued = issue(Duration.ofDays(14));
        Invitation invitation = issued.invitation();
        assertTrue(OpaqueToken.isWellFormed(issued.token()));
        assertEquals(OpaqueToken.hash(issued.token()), invitation.getTokenHash());
        assertNotEquals(issued.token(), invitation.getTokenHash());
        assertTrue(invitation.isUsableAt(NOW.plus(Duration.ofDays(14)).minusSeconds(1)));
        assertFalse(invitation.isUsableAt(NOW.plus(Duration.ofDays(14))), "expired at its end");
        assertEquals("1234567901234", invitation.getCustomerNumber().value());
        assertEquals("Musterfirma GmbH", invitation.getCompanyName());
        assertEquals("it@muster.example", invitation.getEmail());
        assertEquals(RealmId.of("1234567901234"), invitation.realmFor(NOW).getRealm());
    }

    @Test
    void aWithdrawnLinkStopsAtOnce() {
        Invitation invitation = issue(Duration.ofDays(1)).invitation();
        invitation.withdraw(NOW.plusSeconds(60));
        assertFalse(invitation.isUsableAt(NOW.plusSeconds(60)));
        assertTrue(invitation.isUsableAt(NOW.plusSeconds(59)));
    }

    @Test
    void validityIsOneToThirtyDays() {
        assertThrows(InvalidInputException.class, () -> issue(Duration.ZERO));
        assertThrows(InvalidInputException.class, () -> issue(Duration.ofDays(31)));
        assertThrows(InvalidInputException.class, () -> issue(Duration.ofDays(-1)));
    }

    @Test
    void customerNumbersAreDigitsAndEmailsAreChecked() {
        assertThrows(InvalidInputException.class, () -> CustomerNumber.parse("vendor"));
        assertThrows(InvalidInputException.class, () -> CustomerNumber.parse("12 34"));
        assertThrows(InvalidInputException.class, () -> CustomerNumber.parse("123456789012345678901"));
        assertThrows(InvalidInputException.class, () -> CustomerNumber.parse(null));
        assertThrows(InvalidInputException.class, () -> EmailAddress.parse("no-at-sign.example"));
        assertThrows(InvalidInputException.class, () -> EmailAddress.parse("a@b"));
        assertThrows(InvalidInputException.class, () -> EmailAddress.parse("a b@c.example"));
        assertThrows(InvalidInputException.class, () -> new CompanyName(" "));
        assertThrows(InvalidInputException.class, () -> new CompanyName("A\u0000B"));
    }
}
