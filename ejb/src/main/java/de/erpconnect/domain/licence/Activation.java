package de.erpconnect.domain.licence;

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
import java.time.Instant;
import java.time.LocalDate;

/**
 * An activated key ("Aktivierung"). Only its content and a short fingerprint are kept, never the
 * key text. The database keeps a key from being activated twice (UNIQUE realm + key id).
 */
@Entity
@Table(name = "activation")
public class Activation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "realm", nullable = false, length = RealmId.MAX_LENGTH)
    private RealmId realm;

    @Column(name = "key_id", nullable = false)
    private int keyId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private KeyKind kind;

    @Column(name = "customer_number", nullable = false, length = 10)
    private String customerNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "edition", length = 16)
    private Edition edition;

    @Column(name = "partner_app_id")
    private Integer partnerAppId;

    @Column(name = "min_build", nullable = false)
    private int minBuild;

    @Column(name = "allowed_editions", nullable = false)
    private int allowedEditions;

    @Column(name = "valid_until", nullable = false)
    private LocalDate validUntil;

    @Column(name = "fingerprint", nullable = false, length = 16)
    private String fingerprint;

    @Column(name = "activated_at", nullable = false)
    private Instant activatedAt;

    @Column(name = "activated_by", length = 100)
    private String activatedBy;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "deactivated_at")
    private Instant deactivatedAt;

    @Column(name = "expiry_warned", nullable = false)
    private boolean expiryWarned;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Activation() {}

    public Activation(RealmId realm, ActivationKey key, String fingerprint, String activatedBy, Instant now) {
        this.realm = realm;
        this.keyId = key.keyId();
        this.kind = key.kind();
        this.customerNumber = key.customerNumberText();
        this.edition = key.edition();
        this.partnerAppId = key.kind() == KeyKind.PARTNER_APP ? key.partnerAppId() : null;
        this.minBuild = key.minBuild();
        this.allowedEditions = Edition.mask(key.allowedEditions());
        this.validUntil = key.validUntil();
        this.fingerprint = fingerprint;
        this.activatedAt = now;
        this.activatedBy = activatedBy;
        this.active = true;
    }

    /** Entering a deactivated key again turns it back on. */
    public void reactivate(String by, Instant now) {
        this.active = true;
        this.deactivatedAt = null;
        this.activatedAt = now;
        this.activatedBy = by;
        this.expiryWarned = false;
    }

    public void deactivate(Instant now) {
        this.active = false;
        this.deactivatedAt = now;
    }

    public boolean isValidOn(LocalDate day) {
        return active && !day.isAfter(validUntil);
    }

    public void markExpiryWarned() {
        this.expiryWarned = true;
    }

    public Long getId() {
        return id;
    }

    public RealmId getRealm() {
        return realm;
    }

    public int getKeyId() {
        return keyId;
    }

    public KeyKind getKind() {
        return kind;
    }

    public String getCustomerNumber() {
        return customerNumber;
    }

    public Edition getEdition() {
        return edition;
    }

    public Integer getPartnerAppId() {
        return partnerAppId;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public Instant getActivatedAt() {
        return activatedAt;
    }

    public String getActivatedBy() {
        return activatedBy;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getDeactivatedAt() {
        return deactivatedAt;
    }

    public boolean isExpiryWarned() {
        return expiryWarned;
    }
}
