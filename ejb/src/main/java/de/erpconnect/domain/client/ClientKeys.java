package de.erpconnect.domain.client;

import de.erpconnect.common.Jsonp;
import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.shared.Sha256;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The public keys an application registered for {@code private_key_jwt} client authentication
 * (RFC 7523 §2.2) as a JWK Set (RFC 7517 §5): EC keys on P-256 for ES256 and RSA keys of at least
 * 2048 bits for PS256, each with a unique {@code kid}. A set that holds private key material, or
 * keys of other types, curves or algorithms, is refused as a whole. Immutable, safe to cache.
 */
public final class ClientKeys {

    /** The longest JWK Set accepted, in characters (ten RSA keys of 4096 bits fit). */
    public static final int MAX_LENGTH = 16_384;

    public static final int MAX_KEYS = 10;

    public static final String ES256 = "ES256";
    public static final String PS256 = "PS256";

    private static final int MIN_RSA_BITS = 2048;
    private static final int MAX_PROOF_RSA_BITS = 4096;
    private static final int MAX_RSA_BITS = 8192;
    private static final BigInteger MIN_RSA_EXPONENT = BigInteger.valueOf(65537);
    private static final ECParameterSpec P256 = p256();
    private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    /** One registered key: its id, algorithm, RFC 7638 thumbprint (SHA-256) and public key. */
    public record Key(String kid, String algorithm, String thumbprint, PublicKey publicKey) {}

    private final List<Key> keys;
    private final String json;

    private ClientKeys(List<Key> keys, String json) {
        this.keys = List.copyOf(keys);
        this.json = json;
    }

    /** The keys of a JWK Set as an administrator sends it; every rule broken is an {@link InvalidInputException}. */
    public static ClientKeys parse(String jwkSet) {
        return parse(jwkSet, true);
    }

    /** {@code newInput}: the limits added later (RSA size and exponent) hold for new sets only. */
    private static ClientKeys parse(String jwkSet, boolean newInput) {
        if (jwkSet == null || jwkSet.isBlank()) {
            throw invalid("A JWK Set with at least one public key is required.");
        }
        if (jwkSet.length() > MAX_LENGTH) {
            throw invalid("The JWK Set is longer than " + MAX_LENGTH + " characters.");
        }
        JsonObject set;
        try (var reader = Jsonp.JSON.createReader(new StringReader(jwkSet))) {
            set = reader.readObject();
        } catch (RuntimeException e) {
            throw invalid("The JWK Set is not a JSON object.");
        }
        if (!(set.get("keys") instanceof JsonArray array) || array.isEmpty()) {
            throw invalid("The JWK Set needs a non-empty array 'keys'.");
        }
        if (array.size() > MAX_KEYS) {
            throw invalid("At most " + MAX_KEYS + " keys per application.");
        }
        List<Key> keys = new ArrayList<>();
        Set<String> kids = new HashSet<>();
        var canonical = Jsonp.JSON.createArrayBuilder();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonObject jwk)) {
                throw invalid("Key " + (i + 1) + " is not a JSON object.");
            }
            Key key = key(jwk, i + 1, newInput);
            if (!kids.add(key.kid())) {
                throw invalid("The kid '" + key.kid() + "' is used twice.");
            }
            keys.add(key);
            canonical.add(publicPart(jwk));
        }
        String stored =
                Jsonp.JSON.createObjectBuilder().add("keys", canonical).build().toString();
        return new ClientKeys(keys, stored);
    }

    /** The keys of a stored set (written by {@link #json()}); null for none. */
    public static ClientKeys ofStored(String json) {
        return json == null ? null : parse(json, false);
    }

    /** The key with {@code kid}. */
    public Optional<Key> byKid(String kid) {
        return keys.stream().filter(k -> k.kid().equals(kid)).findFirst();
    }

    public List<Key> keys() {
        return keys;
    }

    /** The set as stored: only the public members of each key. */
    public String json() {
        return json;
    }

    private static Key key(JsonObject jwk, int number, boolean newInput) {
        requirePublicOnly(
                jwk, "Key " + number, "register the public key only and keep the private key with the partner app.");
        String kid = string(jwk, "kid");
        if (kid == null || kid.isEmpty() || kid.length() > 128 || !kid.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw invalid("Key " + number + " needs a 'kid' of 1 to 128 printable ASCII characters.");
        }
        String use = string(jwk, "use");
        if (use != null && !use.equals("sig")) {
            throw invalid("Key '" + kid + "' is not for signatures (use '" + use + "').");
        }
        return publicKey(jwk, kid, "Key '" + kid + "'", newInput);
    }

    /**
     * The key of a DPoP proof's {@code jwk} header (RFC 9449 §4.2), by the same rules as a registered
     * key (EC on P-256 for ES256, RSA of at least 2048 bits for PS256, no private members); its
     * {@code kid}, if any, is not kept; an RSA key needs the exponent 65537 and at most 4096 bits, so
     * that nobody can make a verification expensive. Every rule broken is an {@link InvalidInputException}.
     */
    public static Key proofKey(JsonObject jwk) {
        requirePublicOnly(jwk, "The proof's key", "a proof carries the public key only.");
        Key key = publicKey(jwk, null, "The proof's key", true);
        // anyone may send a proof key: an RSA key whose verification costs what a registered one's does
        if (key.publicKey() instanceof RSAPublicKey rsa
                && (!rsa.getPublicExponent().equals(MIN_RSA_EXPONENT)
                        || rsa.getModulus().bitLength() > MAX_PROOF_RSA_BITS)) {
            throw invalid(
                    "The proof's key: RSA keys need the exponent 65537 and at most " + MAX_PROOF_RSA_BITS + " bits.");
        }
        return key;
    }

    private static void requirePublicOnly(JsonObject jwk, String label, String advice) {
        for (String member : PRIVATE_MEMBERS) {
            if (jwk.containsKey(member)) {
                throw invalid(label + " holds private key material ('" + member + "'); " + advice);
            }
        }
    }

    private static Key publicKey(JsonObject jwk, String kid, String label, boolean newInput) {
        String kty = string(jwk, "kty");
        String alg = string(jwk, "alg");
        try {
            if ("EC".equals(kty)) {
                if (!"P-256".equals(string(jwk, "crv"))) {
                    throw invalid(label + ": EC keys must be on the curve P-256 (ES256).");
                }
                requireAlgorithm(label, alg, ES256);
                byte[] x = coordinate(jwk, "x", label);
                byte[] y = coordinate(jwk, "y", label);
                ECPoint point = new ECPoint(new BigInteger(1, x), new BigInteger(1, y));
                if (!onCurve(point, P256)) {
                    throw invalid(label + " is not a valid public key.");
                }
                PublicKey key = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, P256));
                String thumbprint = thumbprint("{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + string(jwk, "x")
                        + "\",\"y\":\"" + string(jwk, "y") + "\"}");
                return new Key(kid, ES256, thumbprint, key);
            }
            if ("RSA".equals(kty)) {
                requireAlgorithm(label, alg, PS256);
                BigInteger n = new BigInteger(1, decode(jwk, "n", label));
                BigInteger e = new BigInteger(1, decode(jwk, "e", label));
                if (n.bitLength() < MIN_RSA_BITS) {
                    throw invalid(label + ": RSA keys need at least " + MIN_RSA_BITS + " bits.");
                }
                if (!e.testBit(0) || e.compareTo(MIN_RSA_EXPONENT) < 0 || e.compareTo(n) >= 0) {
                    throw invalid(label + ": the RSA exponent must be odd and at least 65537.");
                }
                if (newInput && (n.bitLength() > MAX_RSA_BITS || e.bitLength() > 32)) {
                    // verifying costs grow with both: keys fetched from a jwks_uri get no admin's look
                    throw invalid(label + ": RSA keys may have at most " + MAX_RSA_BITS
                            + " bits and an exponent below 2^32.");
                }
                PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
                String thumbprint = thumbprint(
                        "{\"e\":\"" + string(jwk, "e") + "\",\"kty\":\"RSA\",\"n\":\"" + string(jwk, "n") + "\"}");
                return new Key(kid, PS256, thumbprint, key);
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw invalid(label + " is not a valid public key.");
        }
        throw invalid(label + ": only EC (P-256, ES256) and RSA (PS256) keys are accepted.");
    }

    private static void requireAlgorithm(String label, String alg, String expected) {
        if (alg != null && !alg.equals(expected)) {
            throw invalid(label + ": the algorithm '" + alg + "' is not accepted; use " + expected + ".");
        }
    }

    private static byte[] coordinate(JsonObject jwk, String name, String label) {
        byte[] value = decode(jwk, name, label);
        if (value.length != 32) {
            throw invalid(label + ": '" + name + "' must be 32 bytes.");
        }
        return value;
    }

    private static byte[] decode(JsonObject jwk, String name, String label) {
        String value = string(jwk, name);
        if (value == null || !value.matches("[A-Za-z0-9_-]+")) {
            throw invalid(label + " needs '" + name + "' in base64url.");
        }
        return Base64.getUrlDecoder().decode(value);
    }

    private static JsonObject publicPart(JsonObject jwk) {
        var out = Jsonp.JSON.createObjectBuilder();
        for (String member : List.of("kty", "kid", "use", "alg", "crv", "x", "y", "n", "e")) {
            if (jwk.get(member) instanceof JsonString s) {
                out.add(member, s.getString());
            }
        }
        return out.build();
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 unavailable", e);
        }
    }

    /** y² = x³ + ax + b (mod p), with both coordinates in the field. */
    private static boolean onCurve(ECPoint point, ECParameterSpec spec) {
        BigInteger p = ((ECFieldFp) spec.getCurve().getField()).getP();
        BigInteger x = point.getAffineX();
        BigInteger y = point.getAffineY();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger right = x.pow(3)
                .add(spec.getCurve().getA().multiply(x))
                .add(spec.getCurve().getB())
                .mod(p);
        return y.pow(2).mod(p).equals(right);
    }

    /** RFC 7638 §3: the SHA-256 of the required members in lexicographic order, base64url. */
    private static String thumbprint(String requiredMembers) {
        return Sha256.base64Url(requiredMembers);
    }

    private static String string(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonString s ? s.getString() : null;
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException("jwks", message);
    }
}
