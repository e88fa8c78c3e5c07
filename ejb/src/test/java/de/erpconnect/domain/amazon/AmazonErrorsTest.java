package de.erpconnect.domain.amazon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.erpconnect.domain.shared.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmazonErrorsTest {

    @Test
    void amazonsCodesAreExplainedToTheAdministrator() {
        assertTrue(AmazonErrors.describe("MD1000", null).contains("version=beta"));
        assertTrue(AmazonErrors.describe("md5101", null).contains("Rücksprung-Adresse"));
        assertTrue(AmazonErrors.describe("MD9000", null).contains("nicht für neue Anmeldungen"));
        assertTrue(AmazonErrors.describe("invalid_grant", "The request has an invalid grant parameter : code")
                .contains("älter als fünf Minuten"));
        assertTrue(AmazonErrors.describe("invalid_client", "Client authentication failed")
                .contains("180 Tage"));
        assertTrue(AmazonErrors.describe("unauthorized_client", null).contains("andere"));
    }

    @Test
    void unknownCodesAreNamedWithoutMarkup() {
        String text = AmazonErrors.describe("QuotaExceeded", "<script>x</script>");
        assertTrue(text.startsWith("Amazon meldet einen Fehler: QuotaExceeded"), text);
        assertFalse(text.contains("<"));
    }

    @Test
    void everyMarketplaceBelongsToItsSellingRegion() {
        assertEquals(SellingRegion.EU, AmazonCountry.parse("de").region());
        assertEquals("A1PA6795UKMFR9", AmazonCountry.DE.marketplaceId());
        assertEquals("APJ6JRA9NG5V4", AmazonCountry.IT.marketplaceId());
        assertEquals(SellingRegion.NA, AmazonCountry.BR.region());
        assertEquals(SellingRegion.FE, AmazonCountry.JP.region());
        assertEquals(SellingRegion.EU, AmazonCountry.IN.region());
        for (String code : List.of(
                "DE", "FR", "IT", "ES", "UK", "NL", "SE", "PL", "BE", "TR", "US", "CA", "MX", "BR", "JP", "AU", "IN",
                "AE", "SA", "SG", "EG")) {
            AmazonCountry c = AmazonCountry.parse(code);
            assertTrue(c.sellerCentral().startsWith("https://sellercentral"), code);
        }
        assertEquals(
                AmazonCountry.values().length,
                Arrays.stream(AmazonCountry.values())
                        .map(AmazonCountry::marketplaceId)
                        .distinct()
                        .count());
        assertThrows(InvalidInputException.class, () -> AmazonCountry.parse("XX"));
        assertThrows(InvalidInputException.class, () -> AmazonCountry.parse(null));
    }
}
