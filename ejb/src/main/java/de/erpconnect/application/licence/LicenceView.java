package de.erpconnect.application.licence;

import de.erpconnect.domain.licence.Activation;
import de.erpconnect.domain.licence.LicenceState;
import de.erpconnect.domain.licence.PartnerApp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The licence as the admin API shows it ("HILFE → LIZENZ"). */
public record LicenceView(
        String edition,
        String customerNumber,
        int build,
        String version,
        boolean evaluation,
        Instant evaluationEndsAt,
        LocalDate productKeyValidUntil) {

    static LicenceView of(LicenceState s, int build, String version) {
        return new LicenceView(
                s.edition().name(),
                s.customerNumber().orElse(null),
                build,
                version,
                s.evaluation(),
                s.evaluationEndsAt().orElse(null),
                s.productValidUntil().orElse(null));
    }

    /** One activation ("Aktivierung"): never the key, only its fingerprint. */
    public record ActivationView(
            long id,
            int keyId,
            String kind,
            String customerNumber,
            String edition,
            String partnerApp,
            String partnerAppName,
            LocalDate validUntil,
            boolean active,
            String fingerprint,
            Instant activatedAt,
            String activatedBy,
            Instant deactivatedAt) {

        static ActivationView of(Activation a, PartnerApp app) {
            return new ActivationView(
                    a.getId(),
                    a.getKeyId(),
                    a.getKind().name(),
                    a.getCustomerNumber(),
                    a.getEdition() == null ? null : a.getEdition().name(),
                    app == null ? null : app.code(),
                    app == null ? null : app.displayName(),
                    a.getValidUntil(),
                    a.isActive(),
                    a.getFingerprint(),
                    a.getActivatedAt(),
                    a.getActivatedBy(),
                    a.getDeactivatedAt());
        }
    }

    /** A partner app of the catalogue and whether this installation has it unlocked. */
    public record PartnerAppView(
            int id,
            String code,
            String vendor,
            String name,
            String displayName,
            List<String> scopes,
            boolean activated) {}

    /** An "Anwendungsart" that "Anwendungen verwalten" offers. */
    public record ApplicationKindView(String kind, String name, boolean partnerApp, List<String> scopes) {}
}
