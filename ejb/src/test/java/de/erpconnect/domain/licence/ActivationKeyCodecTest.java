package de.erpconnect.domain.licence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ActivationKeyCodecTest {

    static final KeyPair VENDOR = generate();

    static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ActivationKey partnerKey() {
        return new ActivationKey(
                42,
                KeyKind.PARTNER_APP,
                1_234_567_890L,
                null,
                1,
                7120,
                EnumSet.of(Edition.CORE, Edition.ENTERPRISE),
                LocalDate.of(2027, 12, 31));
    }

    @Test
    void roundTripsEveryField() throws Exception {
        ActivationKey key = partnerKey();
        String text = ActivationKeyCodec.encode(key, VENDOR.getPrivate());
        assertEquals(key, ActivationKeyCodec.decode(text, VENDOR.getPublic()));
        ActivationKey product = new ActivationKey(
                7,
                KeyKind.PRODUCT,
                9_999_999_999L,
                Edition.ENTERPRISE,
                0,
                0,
                EnumSet.allOf(Edition.class),
                LocalDate.of(2199, 1, 1));
        assertEquals(
                product,
                ActivationKeyCodec.decode(ActivationKeyCodec.encode(product, VENDOR.getPrivate()), VENDOR.getPublic()));
    }

    @Test
    void isGroupedBase32OfFixedLength() {
        String text = ActivationKeyCodec.encode(partnerKey(), VENDOR.getPrivate());
        assertTrue(text.matches("([0-9A-HJKMNP-TV-Z]{5}-)+[0-9A-HJKMNP-TV-Z]{1,5}"), text);
        assertEquals(136, text.replace("-", "").length(), "19 payload + 64 signature + 2 checksum bytes");
    }

    @Test
    void acceptsWhatPeopleTypeOrPaste() throws Exception {
        String text = ActivationKeyCodec.encode(partnerKey(), VENDOR.getPrivate());
        String typed = " "
                + text.toLowerCase(Locale.ROOT)
                        .replace("-", " ")
                        .replace('0', 'o')
                        .replace('1', 'l') + "\n";
        assertEquals(partnerKey(), ActivationKeyCodec.decode(typed, VENDOR.getPublic()));
    }

    @Test
    void theChecksumCatchesEverySingleCharacterTypo() {
        String text =
                ActivationKeyCodec.encode(partnerKey(), VENDOR.getPrivate()).replace("-", "");
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        for (int i = 0; i < text.length() - 1; i++) {
            char wrong = alphabet.charAt((alphabet.indexOf(text.charAt(i)) + 7) % 32);
            String typo = text.substring(0, i) + wrong + text.substring(i + 1);
            assertThrows(
                    KeyFormatException.class,
                    () -> ActivationKeyCodec.decode(typo, VENDOR.getPublic()),
                    "position " + i);
        }
    }

    @Test
    void anExtraOrAMissingCharacterIsAFormatError() {
        String text = ActivationKeyCodec.encode(partnerKey(), VENDOR.getPrivate());
        char last = text.charAt(text.length() - 1);
        // the key ends "…-X": a typo that turns the dash into X's own letter once decoded equal
        String doubled = text.substring(0, text.length() - 2) + last + last;
        for (String bad : new String[] {doubled, text + "0", text + "-A", text.substring(0, text.length() - 1)}) {
            assertThrows(KeyFormatException.class, () -> ActivationKeyCodec.decode(bad, VENDOR.getPublic()), bad);
        }
    }

    @Test
    void aKeyOfAnotherVendorIsRefusedBySignature() {
        String foreign = ActivationKeyCodec.encode(partnerKey(), generate().getPrivate());
        assertThrows(KeySignatureException.class, () -> ActivationKeyCodec.decode(foreign, VENDOR.getPublic()));
    }

    @Test
    void garbageIsAFormatError() {
        for (String bad : new String[] {"", "   ", "ABC", "Ü-Ä", "X".repeat(500)}) {
            assertThrows(KeyFormatException.class, () -> ActivationKeyCodec.decode(bad, VENDOR.getPublic()), bad);
        }
    }

    @Test
    void fingerprintsAreShortAndStableAcrossFormatting() {
        String text = ActivationKeyCodec.encode(partnerKey(), VENDOR.getPrivate());
        assertEquals(8, ActivationKeyCodec.fingerprint(text).length());
        assertEquals(
                ActivationKeyCodec.fingerprint(text),
                ActivationKeyCodec.fingerprint(text.toLowerCase(Locale.ROOT).replace("-", " ")));
    }
}
