package de.erpconnect.domain.amazon;

import de.erpconnect.domain.shared.RealmId;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The seller's authorization of the cloud's SP-API application in one selling region of one realm:
 * the selling partner id and the LWA refresh token (encrypted with the master key). Amazon wants a
 * public app re-authorized every 365 days.
 */
@Entity
@Table(name = "amazon_authorization")
public class AmazonAuthorization {

    public static final Duration REAUTHORIZE_AFTER = Duration.ofDays(365);

    /** Realm and selling region. */
    @Embeddable
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        @Column(name = "realm", nullable = false, length = RealmId.MAX_LENGTH)
        private String realm;

        @Column(name = "selling_region", nullable = false, length = 2)
        private String sellingRegion;

        protected Key() {}

        public Key(RealmId realm, SellingRegion region) {
            this.realm = realm.value();
            this.sellingRegion = region.name();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.realm.equals(realm) && k.sellingRegion.equals(sellingRegion);
        }

        @Override
        public int hashCode() {
            return Objects.hash(realm, sellingRegion);
        }
    }

    @EmbeddedId
    private Key key;

    @Column(name = "selling_partner_id", nullable = false, length = 64)
    private String sellingPartnerId;

    @Column(name = "refresh_token_enc", nullable = false)
    private byte[] refreshTokenEncrypted;

    @Column(name = "authorized_at", nullable = false)
    private Instant authorizedAt;

    @Column(name = "marketplaces", length = 1000)
    private String marketplaces;

    @Column(name = "checked_at")
    private Instant checkedAt;

    protected AmazonAuthorization() {}

    public AmazonAuthorization(
            RealmId realm, SellingRegion region, String sellingPartnerId, byte[] refreshTokenEncrypted, Instant now) {
        this.key = new Key(realm, region);
        authorize(sellingPartnerId, refreshTokenEncrypted, now);
    }

    /** A (new) consent of the seller: new refresh token, and the 365 days start again. */
    public void authorize(String sellingPartnerId, byte[] refreshTokenEncrypted, Instant now) {
        this.sellingPartnerId = sellingPartnerId;
        this.refreshTokenEncrypted = refreshTokenEncrypted;
        this.authorizedAt = now;
        this.marketplaces = null;
        this.checkedAt = null;
    }

    /** "Verbindung geprüft": the marketplaces one real SP-API call found. */
    public void checked(List<String> found, Instant now) {
        String joined = String.join(", ", found);
        this.marketplaces = joined.length() > 1000 ? joined.substring(0, 1000) : joined;
        this.checkedAt = now;
    }

    public RealmId getRealm() {
        return RealmId.of(key.realm);
    }

    public SellingRegion getSellingRegion() {
        return SellingRegion.valueOf(key.sellingRegion);
    }

    public String getSellingPartnerId() {
        return sellingPartnerId;
    }

    public byte[] getRefreshTokenEncrypted() {
        return refreshTokenEncrypted.clone();
    }

    public Instant getAuthorizedAt() {
        return authorizedAt;
    }

    public Instant reauthorizeBy() {
        return authorizedAt.plus(REAUTHORIZE_AFTER);
    }

    public String getMarketplaces() {
        return marketplaces;
    }

    public Instant getCheckedAt() {
        return checkedAt;
    }
}
