package de.erpconnect.domain.amazon;

import java.util.Locale;
import java.util.Map;

/**
 * Amazon's authorization error codes (developer docs "authorization-errors", Login with Amazon's
 * OAuth errors) in words an administrator understands and can act on.
 */
public final class AmazonErrors {

    private static final Map<String, String> MESSAGES = Map.of(
            "MD1000",
            "Amazon lehnt die Anmeldung ab (MD1000): Die Anwendung ist noch im Entwurfsstatus, aber der Link enthielt"
                    + " nicht version=beta, oder die Anwendungs-ID ist falsch. Bitte an den microtech Support wenden.",
            "MD5101",
            "Amazon lehnt die Anmeldung ab (MD5101): Die Rücksprung-Adresse der Cloud ist bei Amazon nicht"
                    + " registriert. Bitte an den microtech Support wenden.",
            "MD9000",
            "Amazon lehnt die Anmeldung ab (MD9000): Die Anwendung ist derzeit nicht für neue Anmeldungen"
                    + " freigegeben. Bitte später erneut versuchen oder den microtech Support fragen.",
            "MD9999",
            "Amazon meldet einen Konfigurationsfehler der Anwendung (MD9999). Bitte an den microtech Support wenden.",
            "MD4100",
            "Amazon meldet einen Konfigurationsfehler der Anwendung (MD4100). Bitte an den microtech Support wenden.",
            "invalid_grant",
            "Amazon hat den Anmeldecode nicht angenommen (invalid_grant): Er war älter als fünf Minuten oder wurde"
                    + " schon verwendet. Bitte erneut anmelden (ANMELDEN bzw. AKTUALISIEREN).",
            "invalid_client",
            "Amazon kennt die Zugangsdaten der Cloud nicht (invalid_client): Das LWA-Client-Secret ist abgelaufen"
                    + " oder falsch (alle 180 Tage zu erneuern). Der Cloud-Betreiber muss es erneuern.",
            "unauthorized_client",
            "Amazon erlaubt diesen Zugriff nicht (unauthorized_client): Die Zugangsdaten gehören zu einer anderen"
                    + " Anwendung. Bitte an den microtech Support wenden.",
            "access_denied",
            "Die Anmeldung wurde bei Amazon abgebrochen oder abgelehnt (access_denied). Bitte erneut anmelden.");

    private AmazonErrors() {}

    /** The message for an error code; unknown codes are named with a general hint. */
    public static String describe(String code, String description) {
        String key = code == null ? "" : code.strip();
        String known = MESSAGES.get(key.toUpperCase(Locale.ROOT).startsWith("MD") ? key.toUpperCase(Locale.ROOT) : key);
        if (known != null) {
            return known;
        }
        String safe =
                (key + (description == null ? "" : " " + description)).replaceAll("[^\\p{L}\\p{N} .,:;_()'-]", "?");
        return "Amazon meldet einen Fehler: " + (safe.length() > 200 ? safe.substring(0, 200) : safe).strip() + ".";
    }
}
