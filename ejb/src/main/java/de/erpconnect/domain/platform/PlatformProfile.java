package de.erpconnect.domain.platform;

import de.erpconnect.domain.amazon.AmazonCountry;
import de.erpconnect.domain.amazon.CloudPlatform;
import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.shared.RealmId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * A platform profile of type Amazon (DESIGN §9): Bezeichnung, "microtech Cloud verwenden",
 * "Aktiv", the Region (marketplace country) and the login status the cloud reports, and the
 * defaults of "Vorgangserzeugung". Once registered in the cloud it remembers the cloud's id; its
 * Region then stays as it is (the authorization belongs to the region).
 */
@Entity
@Table(name = "platform_profile")
public class PlatformProfile {

    public static final int NAME_MAX = CloudPlatform.NAME_MAX;
    public static final String TYPE_AMAZON = "AMAZON";
    static final Duration REAUTHORIZE_AFTER = Duration.ofDays(365);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "realm", nullable = false, length = RealmId.MAX_LENGTH)
    private RealmId realm;

    @Column(name = "name", nullable = false, length = NAME_MAX)
    private String name;

    @Column(name = "type", nullable = false, length = 16)
    private String type;

    @Column(name = "use_cloud", nullable = false)
    private boolean useCloud;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Enumerated(EnumType.STRING)
    @Column(name = "country", nullable = false, length = 2)
    private AmazonCountry country;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 24)
    private PlatformStatus status;

    @Column(name = "cloud_platform_id")
    private Long cloudPlatformId;

    @Column(name = "selling_partner_id", length = 64)
    private String sellingPartnerId;

    @Column(name = "marketplaces", length = 1000)
    private String marketplaces;

    @Column(name = "checked_at")
    private Instant checkedAt;

    @Column(name = "authorized_at")
    private Instant authorizedAt;

    @Column(name = "consent_requested_at")
    private Instant consentRequestedAt;

    @Column(name = "last_message", length = 1000)
    private String lastMessage;

    @Column(name = "transaction_kind", length = 32)
    private String transactionKind;

    @Column(name = "shipping_payment", length = 64)
    private String shippingPayment;

    @Column(name = "payment_method", length = 64)
    private String paymentMethod;

    @Column(name = "shipping_method", length = 64)
    private String shippingMethod;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected PlatformProfile() {}

    /** What an administrator sets on a profile. */
    public record Settings(
            String name,
            boolean useCloud,
            boolean active,
            AmazonCountry country,
            String transactionKind,
            String shippingPayment,
            String paymentMethod,
            String shippingMethod) {}

    public PlatformProfile(RealmId realm, Settings settings, Instant now) {
        this.realm = realm;
        this.type = TYPE_AMAZON;
        this.status = PlatformStatus.NOT_AUTHENTICATED;
        this.createdAt = now;
        apply(settings, now);
    }

    public void apply(Settings settings, Instant now) {
        if (settings.country() == null) {
            throw new InvalidInputException("country", "The Region (Amazon marketplace) is required.");
        }
        if (cloudPlatformId != null && settings.country() != country) {
            throw new InvalidInputException(
                    "country",
                    "The Region cannot change once the platform is registered in the cloud; delete the platform and"
                            + " create a new one.");
        }
        if (cloudPlatformId != null && !settings.useCloud()) {
            throw new InvalidInputException(
                    "useCloud",
                    "The platform is registered in the microtech Cloud; delete it to stop using the cloud.");
        }
        this.name = CloudPlatform.requireName(settings.name());
        this.useCloud = settings.useCloud();
        this.active = settings.active();
        this.country = settings.country();
        this.transactionKind = text("transactionKind", settings.transactionKind(), 32, "Auftrag");
        this.shippingPayment = text("shippingPayment", settings.shippingPayment(), 64, "Versand");
        this.paymentMethod = text("paymentMethod", settings.paymentMethod(), 64, "Amazon Pay");
        this.shippingMethod = text("shippingMethod", settings.shippingMethod(), 64, "Amazon");
        this.updatedAt = now;
    }

    /** "ANMELDEN" was answered by the cloud: registered there, the seller's consent is pending. */
    public void registered(long cloudId, Instant now) {
        requireCloud();
        this.cloudPlatformId = cloudId;
        consentRequested(now);
    }

    /** "ANMELDEN" or "AKTUALISIEREN": the seller's consent is pending from now on. */
    public void consentRequested(Instant now) {
        requireRegistered();
        this.status = PlatformStatus.PENDING;
        this.consentRequestedAt = now;
        this.lastMessage = null;
        this.updatedAt = now;
    }

    /** The platform's selling region is authorized already: no consent is pending for it. */
    public void sharesRegionAuthorization(Instant now) {
        requireRegistered();
        this.status = PlatformStatus.NOT_AUTHENTICATED;
        this.consentRequestedAt = null;
        this.updatedAt = now;
    }

    /**
     * What the cloud reports. A pending consent ends with an authorization newer than the request,
     * or with the cloud's error for it (the cloud clears the error when it issues a consent URL).
     */
    public void cloudState(
            boolean authenticated,
            String partnerId,
            Instant authorized,
            String foundMarketplaces,
            Instant checked,
            String error,
            Instant now) {
        requireRegistered();
        boolean fresh = authenticated && consentRequestedAt != null && authorized.isAfter(consentRequestedAt);
        if (status != PlatformStatus.PENDING || fresh || error != null) {
            this.status = authenticated ? PlatformStatus.AUTHENTICATED : PlatformStatus.NOT_AUTHENTICATED;
        }
        this.sellingPartnerId = partnerId;
        this.authorizedAt = authorized;
        this.marketplaces = foundMarketplaces;
        this.checkedAt = checked;
        this.lastMessage = error;
        this.updatedAt = now;
    }

    public boolean isRegistered() {
        return cloudPlatformId != null;
    }

    private void requireCloud() {
        if (!useCloud) {
            throw new InvalidInputException(
                    "useCloud", "Tick \"microtech Cloud verwenden\" first: Amazon is connected through the cloud.");
        }
    }

    private void requireRegistered() {
        if (cloudPlatformId == null) {
            throw new InvalidInputException("status", "The platform is not registered in the cloud yet (ANMELDEN).");
        }
    }

    private static String text(String field, String value, int max, String fallback) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            return fallback;
        }
        if (trimmed.length() > max || trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(field, field + " must be at most " + max + " printable characters.");
        }
        return trimmed;
    }

    /** When the seller must consent again (365 days after the authorization). */
    public Instant reauthorizeBy() {
        return authorizedAt == null ? null : authorizedAt.plus(REAUTHORIZE_AFTER);
    }

    public Long getId() {
        return id;
    }

    public RealmId getRealm() {
        return realm;
    }

    public String getName() {
        return name;
    }

    public String getType() {
        return type;
    }

    public boolean isUseCloud() {
        return useCloud;
    }

    public boolean isActive() {
        return active;
    }

    public AmazonCountry getCountry() {
        return country;
    }

    public PlatformStatus getStatus() {
        return status;
    }

    public Long getCloudPlatformId() {
        return cloudPlatformId;
    }

    public String getSellingPartnerId() {
        return sellingPartnerId;
    }

    public String getMarketplaces() {
        return marketplaces;
    }

    public Instant getCheckedAt() {
        return checkedAt;
    }

    public Instant getAuthorizedAt() {
        return authorizedAt;
    }

    public String getLastMessage() {
        return lastMessage;
    }

    public String getTransactionKind() {
        return transactionKind;
    }

    public String getShippingPayment() {
        return shippingPayment;
    }

    public String getPaymentMethod() {
        return paymentMethod;
    }

    public String getShippingMethod() {
        return shippingMethod;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
