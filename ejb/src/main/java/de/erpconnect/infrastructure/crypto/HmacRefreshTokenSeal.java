package de.erpconnect.infrastructure.crypto;

import de.erpconnect.domain.grant.RefreshTokenId;
import de.erpconnect.domain.grant.RefreshTokenSeal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Refresh tokens as 48 bytes in base64url (64 characters, no dot, so never mistaken for a JWT):
 * chain id and generation (8 bytes each) and their HMAC-SHA-256 under a key derived from the
 * credential store's pepper. Nodes of a cluster share the credential store and so the key; the
 * database holds nothing from which a token could be made.
 */
@ApplicationScoped
public class HmacRefreshTokenSeal implements RefreshTokenSeal {

    private static final byte[] KEY_LABEL = "erpconnect refresh token key v1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TOKEN_LABEL = "rt1".getBytes(StandardCharsets.US_ASCII);
    private static final int IDS = 16;
    private static final int LENGTH = IDS + 32;
    private static final int ENCODED_LENGTH = 64;

    @Inject
    MasterKeys keys;

    private volatile SecretKeySpec key;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public HmacRefreshTokenSeal() {}

    /** A seal with a key derived from the given pepper, outside the container (tests). */
    public static HmacRefreshTokenSeal withPepper(SecretKey pepper) {
        HmacRefreshTokenSeal seal = new HmacRefreshTokenSeal();
        seal.key = MasterKeys.derive(pepper, KEY_LABEL);
        return seal;
    }

    @Override
    public String seal(RefreshTokenId id) {
        if (id.chainId() <= 0 || id.generation() < 1) {
            throw new IllegalArgumentException("chain id and generation must be positive");
        }
        ByteBuffer token = ByteBuffer.allocate(LENGTH);
        token.putLong(id.chainId()).putLong(id.generation()).put(mac(token.array()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    @Override
    public Optional<RefreshTokenId> open(String token) {
        if (token == null || token.length() != ENCODED_LENGTH) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // 48 bytes are exactly 64 base64url characters: no spare bits, one value per token
        if (bytes.length != LENGTH || !MessageDigest.isEqual(mac(bytes), Arrays.copyOfRange(bytes, IDS, LENGTH))) {
            return Optional.empty();
        }
        ByteBuffer ids = ByteBuffer.wrap(bytes, 0, IDS);
        long chainId = ids.getLong();
        long generation = ids.getLong();
        if (chainId <= 0 || generation < 1) {
            return Optional.empty();
        }
        return Optional.of(new RefreshTokenId(chainId, generation));
    }

    /** The MAC of the first 16 bytes of the buffer (chain id and generation). */
    private byte[] mac(byte[] token) {
        Mac mac = macs.get();
        mac.update(TOKEN_LABEL);
        mac.update(token, 0, IDS);
        return mac.doFinal();
    }

    private Mac newMac() {
        try {
            if (key == null) {
                key = MasterKeys.derive(keys.pepper(), KEY_LABEL);
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
