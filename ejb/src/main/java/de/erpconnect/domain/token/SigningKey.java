package de.erpconnect.domain.token;

import de.erpconnect.domain.shared.RealmId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A token-signing key pair. The private key is stored only encrypted with the master key; the
 * public key is what JWKS publishes and verification uses, found by {@code kid}.
 */
@Entity
@Table(name = "signing_key")
public class SigningKey {

    @Id
    @Column(name = "kid", length = 64)
    private String kid;

    @Column(name = "realm", nullable = false, length = RealmId.MAX_LENGTH)
    private RealmId realm;

    @Column(name = "algorithm", nullable = false, length = 16)
    private String algorithm;

    @Column(name = "public_key", nullable = false)
    private byte[] publicKey;

    @Column(name = "private_key_enc", nullable = false)
    private byte[] encryptedPrivateKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected SigningKey() {}

    public SigningKey(
            String kid,
            RealmId realm,
            String algorithm,
            byte[] publicKey,
            byte[] encryptedPrivateKey,
            Instant createdAt) {
        this.kid = kid;
        this.realm = realm;
        this.algorithm = algorithm;
        this.publicKey = publicKey.clone();
        this.encryptedPrivateKey = encryptedPrivateKey.clone();
        this.createdAt = createdAt;
    }

    /** Stops signing with this key; it still verifies until its last token has expired. */
    public void retire(Instant now) {
        if (retiredAt == null) {
            retiredAt = now;
        }
    }

    public boolean isActive() {
        return retiredAt == null;
    }

    public String getKid() {
        return kid;
    }

    public RealmId getRealm() {
        return realm;
    }

    public String getAlgorithm() {
        return algorithm;
    }

    public byte[] getPublicKey() {
        return publicKey.clone();
    }

    public byte[] getEncryptedPrivateKey() {
        return encryptedPrivateKey.clone();
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRetiredAt() {
        return retiredAt;
    }
}
