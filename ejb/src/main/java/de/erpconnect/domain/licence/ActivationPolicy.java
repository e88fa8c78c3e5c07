package de.erpconnect.domain.licence;

import de.erpconnect.domain.licence.ActivationRejectedException.Reason;
import java.security.PublicKey;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The checks of "Aktivierungsschlüssel manuell erfassen", in this order: checksum, signature,
 * customer number, build, edition, expiry, partner app known, duplicate. Each refusal names the
 * broken rule the way the troubleshooting list does, so that the admin knows what to do.
 */
public final class ActivationPolicy {

    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private ActivationPolicy() {}

    public static ActivationKey check(
            String text,
            PublicKey vendorKey,
            LicenceState state,
            int installedBuild,
            LocalDate today,
            PartnerAppCatalogue catalogue,
            java.util.function.IntFunction<Optional<Activation>> existingByKeyId) {
        ActivationKey key;
        try {
            key = ActivationKeyCodec.decode(text, vendorKey);
        } catch (KeyFormatException e) {
            throw new ActivationRejectedException(Reason.MALFORMED, "Schlüssel ungültig — bitte auf Tippfehler prüfen");
        } catch (KeySignatureException e) {
            throw new ActivationRejectedException(
                    Reason.SIGNATURE, "Schlüssel ungültig — er ist nicht vom Hersteller signiert");
        }
        Optional<String> customer = state.customerNumber();
        if (customer.isPresent() && !customer.get().equals(key.customerNumberText())) {
            throw new ActivationRejectedException(
                    Reason.WRONG_CUSTOMER,
                    "Schlüssel gehört zu Kunde " + key.customerNumberText() + " — diese Installation ist Kunde "
                            + customer.get(),
                    key.customerNumberText(),
                    customer.get());
        }
        if (installedBuild < key.minBuild()) {
            throw new ActivationRejectedException(
                    Reason.BUILD_TOO_OLD,
                    "Build " + key.minBuild() + " oder neuer erforderlich — installiert: " + installedBuild,
                    String.valueOf(key.minBuild()),
                    String.valueOf(installedBuild));
        }
        if (!key.allowedEditions().contains(state.edition())) {
            String allowed = "Gen. 24 "
                    + key.allowedEditions().stream()
                            .sorted()
                            .map(ActivationPolicy::label)
                            .collect(Collectors.joining(" oder "));
            if (key.kind() == KeyKind.PARTNER_APP) {
                throw ActivationRejectedException.variant(
                        Reason.WRONG_EDITION,
                        "activation.WRONG_EDITION.PARTNER_APP",
                        "Partner-Apps benötigen " + allowed + " — diese Installation ist " + state.edition(),
                        allowed,
                        state.edition().name());
            }
            throw new ActivationRejectedException(
                    Reason.WRONG_EDITION,
                    "Dieser Schlüssel gilt nur für " + allowed + " — diese Installation ist " + state.edition(),
                    allowed,
                    state.edition().name());
        }
        if (today.isAfter(key.validUntil())) {
            String date = key.validUntil().format(GERMAN_DATE);
            throw new ActivationRejectedException(Reason.EXPIRED, "Schlüssel abgelaufen am " + date, date);
        }
        if (key.kind() == KeyKind.PARTNER_APP
                && catalogue.byId(key.partnerAppId()).isEmpty()) {
            throw new ActivationRejectedException(
                    Reason.UNKNOWN_PARTNER_APP,
                    "Partner-App " + key.partnerAppId()
                            + " ist dieser Version unbekannt — bitte die Software aktualisieren",
                    String.valueOf(key.partnerAppId()));
        }
        if (existingByKeyId.apply(key.keyId()).map(Activation::isActive).orElse(false)) {
            throw alreadyActivated();
        }
        return key;
    }

    /** The key is active already (also when a parallel activation of it won the race). */
    public static ActivationRejectedException alreadyActivated() {
        return new ActivationRejectedException(Reason.ALREADY_ACTIVATED, "Schlüssel bereits aktiviert");
    }

    static String label(Edition edition) {
        return switch (edition) {
            case STANDARD -> "Standard";
            case CORE -> "Core";
            case ENTERPRISE -> "Enterprise";
        };
    }
}
