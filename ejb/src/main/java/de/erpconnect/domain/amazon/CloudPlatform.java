package de.erpconnect.domain.amazon;

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
import java.time.Instant;

/**
 * A platform an ERP installation registered in its cloud realm ("ANMELDEN"): its Bezeichnung —
 * unique within the realm, a database rule — and its marketplace country. Whether it is
 * authenticated is its selling region's {@link AmazonAuthorization}.
 */
@Entity
@Table(name = "cloud_platform")
public class CloudPlatform {

    public static final int NAME_MAX = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "realm", nullable = false, length = RealmId.MAX_LENGTH)
    private RealmId realm;

    @Column(name = "name", nullable = false, length = NAME_MAX)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "country", nullable = false, length = 2)
    private AmazonCountry country;

    @Enumerated(EnumType.STRING)
    @Column(name = "selling_region", nullable = false, length = 2)
    private SellingRegion sellingRegion;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected CloudPlatform() {}

    public CloudPlatform(RealmId realm, String name, AmazonCountry country, Instant now) {
        this.realm = realm;
        this.name = requireName(name);
        this.country = country;
        this.sellingRegion = country.region();
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A Bezeichnung: 1 to 100 printable characters. */
    public static String requireName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()
                || trimmed.length() > NAME_MAX
                || trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", "The name (Bezeichnung) must be 1 to " + NAME_MAX + " characters.");
        }
        return trimmed;
    }

    /** What went wrong with the last consent, in an administrator's words; null clears it. */
    public void failed(String message, Instant now) {
        this.lastError = message == null ? null : (message.length() > 1000 ? message.substring(0, 1000) : message);
        this.updatedAt = now;
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

    public AmazonCountry getCountry() {
        return country;
    }

    public SellingRegion getSellingRegion() {
        return sellingRegion;
    }

    public String getLastError() {
        return lastError;
    }
}
