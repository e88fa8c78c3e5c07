package de.erpconnect.domain.credential;

import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.shared.RealmId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One "Zugangsdaten" record. {@code activeKind} mirrors the kind while the record is active and is
 * null otherwise: the database's UNIQUE constraint on it is what keeps one active record per kind
 * under concurrent saves. The secret is held only as ciphertext sealed by the application.
 */
@Entity
@Table(name = "access_credential")
public class AccessCredential {

    public static final int NUMBER_MAX = 999_999;
    public static final int NAME_MAX = 100;
    public static final int CLIENT_ID_MAX = 200;
    public static final int INFO_MAX = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "realm", nullable = false, length = RealmId.MAX_LENGTH)
    private RealmId realm;

    @Column(name = "number", nullable = false)
    private int number;

    @Column(name = "kind", nullable = false, length = CredentialKind.CODE_MAX)
    private String kind;

    @Column(name = "name", nullable = false, length = NAME_MAX)
    private String name;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "active_kind", length = CredentialKind.CODE_MAX)
    private String activeKind;

    @Column(name = "client_id", nullable = false, length = CLIENT_ID_MAX)
    private String clientId;

    @Column(name = "secret_enc", nullable = false)
    private byte[] sealedSecret;

    @Column(name = "info", length = INFO_MAX)
    private String info;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected AccessCredential() {}

    public AccessCredential(RealmId realm, int number, CredentialKind kind, Instant now) {
        if (number < 1 || number > NUMBER_MAX) {
            throw new InvalidInputException("number", "The number (Nummer) is 1 to " + NUMBER_MAX + ".");
        }
        this.realm = realm;
        this.number = number;
        this.kind = kind.code();
        this.name = kind.displayName();
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Bezeichnung, Client-ID and Info ("Einstellungen" and "Info" tabs). */
    public void describe(String newName, String newClientId, String newInfo, Instant now) {
        String trimmedName = newName == null ? "" : newName.strip();
        if (trimmedName.isEmpty() || trimmedName.length() > NAME_MAX) {
            throw new InvalidInputException("name", "The name (Bezeichnung) must be 1 to " + NAME_MAX + " characters.");
        }
        if (trimmedName.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", "The name (Bezeichnung) must not contain control characters.");
        }
        String trimmedId = newClientId == null ? "" : newClientId.strip();
        if (trimmedId.isEmpty()
                || trimmedId.length() > CLIENT_ID_MAX
                || trimmedId.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(
                    "clientId",
                    "The Client-ID must be 1 to " + CLIENT_ID_MAX + " characters without control characters.");
        }
        if (newInfo != null && newInfo.length() > INFO_MAX) {
            throw new InvalidInputException("info", "The info text must be at most " + INFO_MAX + " characters.");
        }
        if (newInfo != null && newInfo.codePoints().anyMatch(AccessCredential::controlOtherThanLineBreakOrTab)) {
            throw new InvalidInputException(
                    "info", "The info text must not contain control characters other than line breaks and tabs.");
        }
        this.name = trimmedName;
        this.clientId = trimmedId;
        this.info = newInfo;
        this.updatedAt = now;
    }

    /** The info text is several lines ("Info" tab): line breaks and tabs are text there, NUL and the rest are not. */
    private static boolean controlOtherThanLineBreakOrTab(int c) {
        return Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
    }

    /** Replaces the stored secret with a new ciphertext. */
    public void replaceSecret(byte[] sealed, Instant now) {
        this.sealedSecret = sealed.clone();
        this.updatedAt = now;
    }

    public void activate(Instant now) {
        this.active = true;
        this.activeKind = kind;
        this.updatedAt = now;
    }

    public void deactivate(Instant now) {
        this.active = false;
        this.activeKind = null;
        this.updatedAt = now;
    }

    /** The associated data that binds the secret's ciphertext to this record. */
    public String secretContext() {
        return "access-credential:" + realm + ":" + number;
    }

    public Long getId() {
        return id;
    }

    public RealmId getRealm() {
        return realm;
    }

    public int getNumber() {
        return number;
    }

    public String getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public boolean isActive() {
        return active;
    }

    public String getClientId() {
        return clientId;
    }

    public byte[] getSealedSecret() {
        return sealedSecret.clone();
    }

    public String getInfo() {
        return info;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
