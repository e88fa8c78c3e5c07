package de.erpconnect.domain.licence;

import de.erpconnect.domain.client.ApplicationKind;
import de.erpconnect.domain.client.ClientType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The licence in effect at one moment (DESIGN §3): the edition of the newest valid product key;
 * without one the dev-mode evaluation (Enterprise, 30 days) while it lasts, else STANDARD. An
 * expired product key falls back the same way; an expired partner-app key no longer unlocks its
 * partner app.
 */
public record LicenceState(
        Edition edition,
        Optional<String> customerNumber,
        boolean evaluation,
        Optional<Instant> evaluationEndsAt,
        Optional<LocalDate> productValidUntil,
        Map<Integer, LocalDate> partnerApps) {

    /** ERP dates (validity of keys) are days in the installation's time zone. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    public static LicenceState of(Installation installation, List<Activation> activations, Instant now) {
        LocalDate today = now.atZone(ZONE).toLocalDate();
        Optional<Activation> product = activations.stream()
                .filter(a -> a.getKind() == KeyKind.PRODUCT && a.isValidOn(today))
                .max(Comparator.comparing(Activation::getActivatedAt));
        Optional<Instant> evaluationEnds = installation.evaluationEndsAt();
        boolean evaluating =
                product.isEmpty() && evaluationEnds.map(now::isBefore).orElse(false);
        Edition edition =
                product.map(Activation::getEdition).orElse(evaluating ? Edition.ENTERPRISE : Edition.STANDARD);
        Map<Integer, LocalDate> partnerApps = activations.stream()
                .filter(a -> a.getKind() == KeyKind.PARTNER_APP && a.isValidOn(today))
                .collect(Collectors.toMap(
                        Activation::getPartnerAppId, Activation::getValidUntil, (a, b) -> a.isAfter(b) ? a : b));
        return new LicenceState(
                edition,
                installation.customerNumber(),
                evaluating,
                evaluating ? evaluationEnds : Optional.empty(),
                product.map(Activation::getValidUntil),
                Map.copyOf(partnerApps));
    }

    public boolean partnerAppUnlocked(PartnerApp app) {
        return edition.allowsPartnerApps() && partnerApps.containsKey(app.id());
    }

    /**
     * Why the current licence does not allow an application of this kind and client type, in
     * English for OAuth error descriptions and API problems; empty when it does.
     */
    public Optional<String> refusal(ApplicationKind kind, ClientType clientType, PartnerAppCatalogue catalogue) {
        if (kind.isOwn()) {
            if (!edition.allowsOwnApplications()) {
                return Optional.of("The " + edition + " edition does not allow own applications (Enterprise only).");
            }
            if (clientType == ClientType.PUBLIC && !edition.allowsPublicClients()) {
                return Optional.of("The " + edition + " edition does not allow public clients (Enterprise only).");
            }
            return Optional.empty();
        }
        if (!edition.allowsPartnerApps()) {
            return Optional.of("The " + edition + " edition does not allow partner apps (Core or Enterprise).");
        }
        Optional<PartnerApp> app = catalogue.byCode(kind.value());
        if (app.isEmpty()) {
            return Optional.of("The partner app '" + kind.value() + "' is not in this release's catalogue.");
        }
        if (!partnerAppUnlocked(app.get())) {
            return Optional.of("The partner app '" + app.get().name() + "' is not activated, or its key expired.");
        }
        if (clientType != ClientType.CONFIDENTIAL) {
            return Optional.of("A partner app is always a confidential client.");
        }
        return Optional.empty();
    }
}
