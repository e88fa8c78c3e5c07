package de.erpconnect.domain.licence;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;

/**
 * The text form of activation keys: a 19-byte payload, its Ed25519 signature (JDK provider) and a
 * 2-byte checksum, in Crockford Base32 (case-insensitive; O is read as 0, I and L as 1; dashes
 * and spaces are ignored) grouped by five. The checksum — the first two bytes of SHA-256 over
 * payload and signature — catches typos before the signature is checked.
 *
 * <pre>
 * payload: version(1) kind(1) keyId(4) customer(5) edition(1) partnerApp(2) minBuild(2)
 *          allowedEditions(1) validUntil(2, days since 2020-01-01)
 * </pre>
 */
public final class ActivationKeyCodec {

    static final int VERSION = 1;
    static final int PAYLOAD_BYTES = 19;
    static final int SIGNATURE_BYTES = 64;
    static final int CHECKSUM_BYTES = 2;
    static final int TOTAL_BYTES = PAYLOAD_BYTES + SIGNATURE_BYTES + CHECKSUM_BYTES;
    /** Base32 characters of a key: 5 bits each, 136 for the 85 bytes. */
    static final int KEY_CHARACTERS = (TOTAL_BYTES * 8 + 4) / 5;

    static final LocalDate EPOCH = LocalDate.of(2020, 1, 1);
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private ActivationKeyCodec() {}

    /** The vendor's side: signs a key and prints it for the customer. */
    public static String encode(ActivationKey key, PrivateKey vendorKey) {
        byte[] payload = payload(key);
        byte[] signature;
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(vendorKey);
            s.update(payload);
            signature = s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
        byte[] all = ByteBuffer.allocate(TOTAL_BYTES)
                .put(payload)
                .put(signature)
                .put(checksum(payload, signature))
                .array();
        return group(base32(all));
    }

    /** Reads typed or pasted text and verifies the checksum, the signature and the payload. */
    public static ActivationKey decode(String text, PublicKey vendorKey)
            throws KeyFormatException, KeySignatureException {
        String normalized = normalize(text);
        // exactly as many characters as the bytes need: a stray extra character would otherwise
        // only add bits that are dropped, and the key would pass with a typo in it
        if (normalized.length() != KEY_CHARACTERS) {
            throw new KeyFormatException("wrong length");
        }
        byte[] all = unbase32(normalized); // 136 characters are exactly TOTAL_BYTES
        byte[] payload = Arrays.copyOfRange(all, 0, PAYLOAD_BYTES);
        byte[] signature = Arrays.copyOfRange(all, PAYLOAD_BYTES, PAYLOAD_BYTES + SIGNATURE_BYTES);
        byte[] checksum = Arrays.copyOfRange(all, PAYLOAD_BYTES + SIGNATURE_BYTES, TOTAL_BYTES);
        if (!MessageDigest.isEqual(checksum, checksum(payload, signature))) {
            throw new KeyFormatException("checksum mismatch");
        }
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(vendorKey);
            s.update(payload);
            if (!s.verify(signature)) {
                throw new KeySignatureException("not signed by the vendor key");
            }
        } catch (GeneralSecurityException e) {
            throw new KeySignatureException("not signed by the vendor key");
        }
        try {
            return parse(payload);
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("unreadable content");
        }
    }

    /** A short fingerprint for logs and lists; never the key itself. */
    public static String fingerprint(String text) {
        String canonical;
        try {
            canonical = normalize(text);
        } catch (KeyFormatException e) {
            canonical = text == null ? "" : text.strip();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] payload(ActivationKey key) {
        long days = ChronoUnit.DAYS.between(EPOCH, key.validUntil());
        if (days < 0 || days > 0xFFFF) {
            throw new IllegalArgumentException("validUntil out of range");
        }
        ByteBuffer b = ByteBuffer.allocate(PAYLOAD_BYTES);
        b.put((byte) VERSION);
        b.put((byte) key.kind().code());
        b.putInt(key.keyId());
        b.put((byte) (key.customerNumber() >>> 32));
        b.putInt((int) key.customerNumber());
        b.put((byte) (key.edition() == null ? 0 : key.edition().bit()));
        b.putShort((short) key.partnerAppId());
        b.putShort((short) key.minBuild());
        b.put((byte) Edition.mask(key.allowedEditions()));
        b.putShort((short) days);
        return b.array();
    }

    static ActivationKey parse(byte[] payload) {
        ByteBuffer b = ByteBuffer.wrap(payload);
        int version = b.get() & 0xFF;
        if (version != VERSION) {
            throw new IllegalArgumentException("unknown key version " + version);
        }
        KeyKind kind = KeyKind.fromCode(b.get() & 0xFF);
        int keyId = b.getInt();
        long customer = ((long) (b.get() & 0xFF) << 32) | (b.getInt() & 0xFFFFFFFFL);
        int editionBit = b.get() & 0xFF;
        int partnerApp = b.getShort() & 0xFFFF;
        int minBuild = b.getShort() & 0xFFFF;
        int allowed = b.get() & 0xFF;
        int days = b.getShort() & 0xFFFF;
        return new ActivationKey(
                keyId,
                kind,
                customer,
                editionBit == 0 ? null : Edition.fromBit(editionBit),
                partnerApp,
                minBuild,
                Edition.fromMask(allowed),
                EPOCH.plusDays(days));
    }

    private static byte[] checksum(byte[] payload, byte[] signature) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(payload);
            md.update(signature);
            return Arrays.copyOf(md.digest(), CHECKSUM_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String normalize(String text) throws KeyFormatException {
        if (text == null) {
            throw new KeyFormatException("empty");
        }
        StringBuilder sb = new StringBuilder();
        for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || Character.isWhitespace(c)) {
                continue;
            }
            char mapped = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (ALPHABET.indexOf(mapped) < 0) {
                throw new KeyFormatException("invalid character");
            }
            sb.append(mapped);
        }
        if (sb.length() == 0 || sb.length() > 400) {
            throw new KeyFormatException("wrong length");
        }
        return sb.toString();
    }

    static String base32(byte[] data) {
        StringBuilder sb = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte value : data) {
            buffer = (buffer << 8) | (value & 0xFF);
            bits += 8;
            while (bits >= 5) {
                sb.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            sb.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return sb.toString();
    }

    static byte[] unbase32(String text) {
        ByteBuffer out = ByteBuffer.allocate(text.length() * 5 / 8 + 1);
        int buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | ALPHABET.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >>> (bits - 8)));
                bits -= 8;
            }
        }
        return Arrays.copyOf(out.array(), out.position());
    }

    static String group(String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i += 5) {
            if (i > 0) {
                sb.append('-');
            }
            sb.append(text, i, Math.min(text.length(), i + 5));
        }
        return sb.toString();
    }
}
