package de.erpconnect.infrastructure.crypto;

import de.erpconnect.common.Settings;
import de.erpconnect.domain.token.DpopNonces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * DPoP nonces that prove themselves: the number of the current {@value #SLOT_SECONDS}-second slot
 * and its HMAC-SHA-256 (16 bytes) under a key derived from the credential store's pepper, 32
 * base64url characters. A nonce is accepted in its own slot and the next one (60 to 120 s after it
 * was handed out), and in the slot before (a node whose clock runs behind); the nodes of a cluster
 * share the credential store, so each accepts the others'. A single server's nonces end with a
 * restart ({@link #label()}).
 */
@ApplicationScoped
public class HmacDpopNonces implements DpopNonces {

    static final long SLOT_SECONDS = 60;
    private static final byte[] KEY_LABEL = "erpconnect dpop nonce key v1".getBytes(StandardCharsets.US_ASCII);
    private static final int MAC_BYTES = 16;

    @Inject
    MasterKeys keys;

    @Inject
    Settings settings;

    private volatile SecretKeySpec key;

    /** The nonce of one slot, computed once: every node computes the same. */
    private record Slot(long number, String nonce) {}

    private volatile Slot current = new Slot(-1, null);
    private volatile Slot previous = new Slot(-1, null);
    private volatile Slot next = new Slot(-1, null);

    /** This start's own value for a single server's key (see {@link #label()}), fixed once. */
    private final byte[] start = new byte[16];

    {
        new SecureRandom().nextBytes(start);
    }

    public HmacDpopNonces() {}

    /** Nonces under a key derived from the given pepper, outside the container (tests). */
    public static HmacDpopNonces withPepper(SecretKey pepper) {
        HmacDpopNonces nonces = new HmacDpopNonces();
        nonces.key = MasterKeys.derive(pepper, KEY_LABEL);
        return nonces;
    }

    @Override
    public String current(Instant now) {
        return slot(now.getEpochSecond() / SLOT_SECONDS).nonce();
    }

    private Slot slot(long number) {
        Slot latest = current;
        if (latest.number() == number) {
            return latest;
        }
        Slot before = previous;
        if (before.number() == number) {
            return before;
        }
        Slot computed = new Slot(number, nonce(number));
        if (number > latest.number()) {
            previous = latest;
            current = computed;
        } else if (number > before.number()) {
            previous = computed;
        }
        return computed;
    }

    @Override
    public boolean accepts(String nonce, Instant now) {
        if (nonce == null || nonce.length() != 32) {
            return false;
        }
        long slot = now.getEpochSecond() / SLOT_SECONDS;
        // every node computes the same nonce for a slot: those in use are compared, no MAC per request;
        // the next slot's too, for a node whose clock runs a little behind the one that handed it out
        return nonce.equals(slot(slot).nonce())
                || nonce.equals(slot(slot - 1).nonce())
                || nonce.equals(nextSlot(slot + 1).nonce());
    }

    /** The next slot's nonce, computed once per slot. */
    private Slot nextSlot(long number) {
        Slot known = next;
        if (known.number() != number) {
            known = new Slot(number, nonce(number));
            next = known;
        }
        return known;
    }

    /**
     * The key's label. A single server adds a value of this start: its proof ids live in memory and
     * are gone after a restart, so the nonces handed out before it must stop working too (a cluster's
     * replicated ids outlive one node's restart, and its nodes must share the key).
     */
    private byte[] label() {
        if (settings.clustered()) {
            return KEY_LABEL;
        }
        byte[] label = Arrays.copyOf(KEY_LABEL, KEY_LABEL.length + start.length);
        System.arraycopy(start, 0, label, KEY_LABEL.length, start.length);
        return label;
    }

    private String nonce(long slot) {
        ByteBuffer value = ByteBuffer.allocate(8 + MAC_BYTES);
        value.putLong(slot).put(mac(slot));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.array());
    }

    private byte[] mac(long slot) {
        try {
            if (key == null) {
                key = MasterKeys.derive(keys.pepper(), label());
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(
                    mac.doFinal(ByteBuffer.allocate(8).putLong(slot).array()), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
