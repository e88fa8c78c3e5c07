package de.erpconnect.application.cloud;

import de.erpconnect.domain.client.ClientApplication;
import de.erpconnect.domain.client.ClientSecret;
import de.erpconnect.domain.cloud.CloudRealm;
import de.erpconnect.domain.cloud.Invitation;
import java.time.Instant;

/** What the cloud's pages and APIs show; a secret or link token only in the one answer that creates it. */
public final class CloudViews {

    private CloudViews() {}

    /** An invitation; {@code link} only in the vendor's create response. */
    public record InvitationView(
            long id,
            String customerNumber,
            String companyName,
            String email,
            String createdBy,
            Instant createdAt,
            Instant expiresAt,
            Instant usedAt,
            String link) {

        static InvitationView of(Invitation i, String link) {
            return new InvitationView(
                    i.getId(),
                    i.getCustomerNumber().value(),
                    i.getCompanyName(),
                    i.getEmail(),
                    i.getCreatedBy(),
                    i.getCreatedAt(),
                    i.getExpiresAt(),
                    i.getUsedAt(),
                    link);
        }
    }

    /** What the registration form shows read-only. */
    public record RegistrationForm(String customerNumber, String companyName, String email) {}

    public record RealmView(String customerNumber, String companyName, Instant createdAt) {

        static RealmView of(CloudRealm r) {
            return new RealmView(r.getCustomerNumber().value(), r.getCompanyName(), r.getCreatedAt());
        }
    }

    /** A cloud application; {@code clientSecret} only when it was just created or renewed. */
    public record CloudApplicationView(long id, String name, String clientId, String clientSecret, Instant createdAt) {

        static CloudApplicationView of(ClientApplication a, ClientSecret secret) {
            return new CloudApplicationView(
                    a.getId(),
                    a.getName(),
                    a.getClientId().value(),
                    secret == null ? null : secret.reveal(),
                    a.getCreatedAt());
        }
    }

    /** The account behind a realm token, as the cloud's API answers it. */
    public record AccountView(String customerNumber, String companyName, String user) {}
}
