package de.erpconnect.infrastructure.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * ES256 (ECDSA P-256, SHA-256) compact JWS with the JDK only: {@code SHA256withECDSAinP1363Format}
 * yields the R‖S form that RFC 7515 §A.3 requires, with no DER conversion.
 */
public final class JwsSigner {

    public static final String ALGORITHM = "ES256";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private JwsSigner() {}

    public static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 unavailable", e);
        }
    }

    public static PublicKey publicKey(byte[] x509) {
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("malformed public key", e);
        }
    }

    public static PrivateKey privateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("malformed private key", e);
        }
    }

    /** Signs {@code headerJson.payloadJson} and returns the compact serialization. */
    public static String sign(String headerJson, String payloadJson, PrivateKey key) {
        String signingInput = B64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    /** The RFC 7518 §6.2.1 coordinates of a P-256 public key: {@code [x, y]}, base64url, 32 bytes each. */
    public static String[] coordinates(PublicKey key) {
        ECPublicKey ec = (ECPublicKey) key;
        return new String[] {
            B64.encodeToString(fixed32(ec.getW().getAffineX().toByteArray())),
            B64.encodeToString(fixed32(ec.getW().getAffineY().toByteArray()))
        };
    }

    private static byte[] fixed32(byte[] unsigned) {
        byte[] out = new byte[32];
        int copy = Math.min(32, unsigned.length);
        System.arraycopy(unsigned, unsigned.length - copy, out, 32 - copy, copy);
        return out;
    }
}
