package de.erpconnect.domain.amazon;

import de.erpconnect.domain.shared.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * The cloud's Login with Amazon client: its id and its secret, encrypted with the master key of the
 * credential store. Amazon wants the secret rotated every 180 days; the vendor enters the new one.
 */
@Entity
@Table(name = "amazon_lwa_client")
public class LwaClient {

    public static final Duration ROTATE_AFTER = Duration.ofDays(180);
    static final int ONLY = 1;

    @Id
    @Column(name = "id", nullable = false)
    private int id;

    @Column(name = "client_id", nullable = false, length = 200)
    private String clientId;

    @Column(name = "client_secret_enc", nullable = false)
    private byte[] clientSecretEncrypted;

    @Column(name = "set_at", nullable = false)
    private Instant setAt;

    @Column(name = "set_by", nullable = false, length = 100)
    private String setBy;

    protected LwaClient() {}

    public LwaClient(String clientId, byte[] clientSecretEncrypted, String setBy, Instant now) {
        this.id = ONLY;
        replace(clientId, clientSecretEncrypted, setBy, now);
    }

    public void replace(String newClientId, byte[] newSecretEncrypted, String by, Instant now) {
        String trimmed = newClientId == null ? "" : newClientId.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200 || !trimmed.matches("[\\x21-\\x7e]+")) {
            throw new InvalidInputException("clientId", "The LWA client id must be 1 to 200 printable characters.");
        }
        this.clientId = trimmed;
        this.clientSecretEncrypted = newSecretEncrypted;
        this.setBy = by;
        this.setAt = now;
    }

    public String getClientId() {
        return clientId;
    }

    public byte[] getClientSecretEncrypted() {
        return clientSecretEncrypted.clone();
    }

    public Instant getSetAt() {
        return setAt;
    }

    public String getSetBy() {
        return setBy;
    }

    public Instant rotateBy() {
        return setAt.plus(ROTATE_AFTER);
    }
}
