package de.erpconnect.interfaces.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.erpconnect.domain.client.ClientType;
import de.erpconnect.domain.client.RedirectUri;
import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.user.LoginName;
import de.erpconnect.domain.user.PasswordPolicy;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The German wording of the services' texts matches the texts the services really write. */
class ServiceWordingTest {

    @Test
    void thePasswordRulesReadInGermanWithTheirValues() {
        List<String> german = PasswordPolicy.violations("kurz").stream()
                .map(m -> ServiceWording.wording(m, Locale.GERMAN))
                .toList();
        assertEquals(
                List.of(
                        "Das Passwort muss mindestens 8 Zeichen haben.",
                        "Das Passwort muss einen Großbuchstaben enthalten.",
                        "Das Passwort muss ein Sonderzeichen enthalten."),
                german);
    }

    @Test
    void redirectUriAndLoginRefusalsAreInTheCatalogue() {
        for (String raw : List.of(
                "https://*.example.com/cb",
                "https://example.com/cb#x",
                "http://example.com/cb",
                "https://10.0.0.1/cb",
                "not a uri",
                "")) {
            InvalidInputException e =
                    assertThrows(InvalidInputException.class, () -> RedirectUri.register(raw, ClientType.CONFIDENTIAL));
            String german = ServiceWording.wording(e.getMessage(), Locale.GERMAN);
            assertEquals(false, german.equals(e.getMessage()), "no German wording for: " + e.getMessage());
        }
        InvalidInputException login = assertThrows(InvalidInputException.class, () -> LoginName.parse("kein name"));
        assertEquals(
                "Der Benutzername hat 1 bis 64 Zeichen: Buchstaben, Ziffern, „.“, „_“, „@“ oder „-“, am Anfang ein"
                        + " Buchstabe oder eine Ziffer.",
                ServiceWording.wording(login.getMessage(), Locale.GERMAN));
    }

    @Test
    void theMostSpecificLineWinsAndValuesKeepTheirPlace() {
        assertEquals(
                "Der Token-Endpunkt hat die Zugangsdaten abgelehnt: invalid_client (Client authentication failed.)."
                        + " Bitte Client-ID und Client-Secret prüfen.",
                ServiceWording.wording(
                        "The token endpoint refused the credentials: invalid_client (Client authentication failed.)."
                                + " Check the Client-ID and the Client-Secret.",
                        Locale.GERMAN));
        assertEquals(
                "Refresh-Tokens gelten 60 bis 31536000 Sekunden.",
                ServiceWording.wording("Refresh tokens live 60 to 31536000 seconds.", Locale.GERMAN));
    }

    @Test
    void englishPagesAndUnknownTextsKeepTheOriginal() {
        assertEquals("The password is required.", ServiceWording.wording("The password is required.", Locale.ENGLISH));
        assertEquals("Something else.", ServiceWording.wording("Something else.", Locale.GERMAN));
        assertEquals(null, ServiceWording.wording(null, Locale.GERMAN));
    }
}
