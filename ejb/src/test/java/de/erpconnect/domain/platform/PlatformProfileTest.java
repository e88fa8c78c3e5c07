package de.erpconnect.domain.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.erpconnect.domain.amazon.AmazonCountry;
import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.shared.RealmId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlatformProfileTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    private static PlatformProfile.Settings settings(AmazonCountry country, boolean useCloud) {
        return new PlatformProfile.Settings("Amazon DE", useCloud, true, country, null, null, null, null);
    }

    @Test
    void aNewProfileIsNotAuthenticatedWithDefaultsForOrders() {
        PlatformProfile p = new PlatformProfile(RealmId.ERP, settings(AmazonCountry.DE, true), T0);
        assertEquals(PlatformStatus.NOT_AUTHENTICATED, p.getStatus());
        assertEquals("Auftrag", p.getTransactionKind());
        assertEquals("Amazon", p.getShippingMethod());
    }

    @Test
    void aPendingConsentEndsWithANewerAuthorizationOrAnError() {
        PlatformProfile p = new PlatformProfile(RealmId.ERP, settings(AmazonCountry.DE, true), T0);
        p.registered(7, T0);
        assertEquals(PlatformStatus.PENDING, p.getStatus());
        // an authorization from before the request does not end it
        p.cloudState(true, "A1", T0.minusSeconds(60), null, null, null, T0.plusSeconds(2));
        assertEquals(PlatformStatus.PENDING, p.getStatus());
        p.cloudState(true, "A1", T0.plusSeconds(5), "Amazon.de", T0.plusSeconds(5), null, T0.plusSeconds(6));
        assertEquals(PlatformStatus.AUTHENTICATED, p.getStatus());
        assertEquals(T0.plusSeconds(5).plusSeconds(365L * 86_400), p.reauthorizeBy());
        p.consentRequested(T0.plusSeconds(10));
        assertEquals(PlatformStatus.PENDING, p.getStatus());
        p.cloudState(true, "A1", T0.plusSeconds(5), null, null, "invalid_grant …", T0.plusSeconds(12));
        assertEquals(PlatformStatus.AUTHENTICATED, p.getStatus(), "the older authorization still holds");
        assertEquals("invalid_grant …", p.getLastMessage());
    }

    @Test
    void theRegionStaysOnceRegisteredAndTheCloudNeedsTheFlag() {
        PlatformProfile noCloud = new PlatformProfile(RealmId.ERP, settings(AmazonCountry.DE, false), T0);
        assertThrows(InvalidInputException.class, () -> noCloud.registered(1, T0));
        PlatformProfile p = new PlatformProfile(RealmId.ERP, settings(AmazonCountry.DE, true), T0);
        p.registered(1, T0);
        assertThrows(InvalidInputException.class, () -> p.apply(settings(AmazonCountry.FR, true), T0));
        assertThrows(InvalidInputException.class, () -> p.apply(settings(AmazonCountry.DE, false), T0));
        assertThrows(
                InvalidInputException.class,
                () -> new PlatformProfile(
                        RealmId.ERP,
                        new PlatformProfile.Settings(" ", true, true, AmazonCountry.DE, null, null, null, null),
                        T0));
    }
}
