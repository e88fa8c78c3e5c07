import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * Single-thread cost of signing and verifying a token-sized JWS input with the candidate
 * algorithms (DESIGN §6: measure RS256, ES256 and EdDSA before settling). Run by
 * bench/token-bench.sh; prints what it ran and the figures.
 */
public class SignatureBench {

    static final int WARMUP = 2_000;
    static final int ITERATIONS = 5_000;

    public static void main(String[] args) throws Exception {
        byte[] input = ("eyJhbGciOiJFUzI1NiIsInR5cCI6ImF0K2p3dCIsImtpZCI6ImsxIn0."
                        + "eyJpc3MiOiJodHRwczovL2VycC5leGFtcGxlLmNvbSIsInN1YiI6ImFubmEiLCJzY29wZSI6ImdyYXBocWwifQ"
                        + "x".repeat(200))
                .getBytes(StandardCharsets.US_ASCII);
        System.out.printf(
                "signature bench: java %s, 1 thread, %d warm-up + %d timed operations each, distinct inputs%n",
                System.getProperty("java.version"), WARMUP, ITERATIONS);
        jdk("RS256 (JDK, RSA-2048)", "RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), "SHA256withRSA", input);
        jdk("ES256 (JDK SunEC)", "EC", new ECGenParameterSpec("secp256r1"), "SHA256withECDSAinP1363Format", input);
        jdk("EdDSA (JDK Ed25519)", "Ed25519", null, "Ed25519", input);
        bouncyCastleEs256(input);
    }

    static void jdk(String name, String keyAlg, java.security.spec.AlgorithmParameterSpec spec, String sigAlg, byte[] input)
            throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(keyAlg);
        if (spec != null) {
            g.initialize(spec);
        }
        KeyPair kp = g.generateKeyPair();
        byte[][] signatures = new byte[ITERATIONS][];
        for (int i = 0; i < WARMUP; i++) {
            sign(sigAlg, kp, input, i);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < ITERATIONS; i++) {
            signatures[i] = sign(sigAlg, kp, input, i);
        }
        long sign = System.nanoTime() - t0;
        for (int i = 0; i < WARMUP; i++) {
            verify(sigAlg, kp, input, i, signatures[i % ITERATIONS]);
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < ITERATIONS; i++) {
            if (!verify(sigAlg, kp, input, i, signatures[i])) {
                throw new IllegalStateException("verification failed: run void");
            }
        }
        long verify = System.nanoTime() - t1;
        report(name, sign, verify);
    }

    static byte[] sign(String alg, KeyPair kp, byte[] input, int i) throws Exception {
        Signature s = Signature.getInstance(alg);
        s.initSign(kp.getPrivate());
        s.update(input);
        s.update((byte) i);
        return s.sign();
    }

    static boolean verify(String alg, KeyPair kp, byte[] input, int i, byte[] sig) throws Exception {
        Signature s = Signature.getInstance(alg);
        s.initVerify(kp.getPublic());
        s.update(input);
        s.update((byte) i);
        return s.verify(sig);
    }

    static void bouncyCastleEs256(byte[] input) throws Exception {
        X9ECParameters p = CustomNamedCurves.getByName("secp256r1");
        ECDomainParameters domain = new ECDomainParameters(p.getCurve(), p.getG(), p.getN(), p.getH());
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair kp = g.generateKeyPair();
        ECPrivateKeyParameters priv = new ECPrivateKeyParameters(((ECPrivateKey) kp.getPrivate()).getS(), domain);
        ECPublicKey jdkPub = (ECPublicKey) kp.getPublic();
        ECPublicKeyParameters pub = new ECPublicKeyParameters(
                p.getCurve().createPoint(jdkPub.getW().getAffineX(), jdkPub.getW().getAffineY()), domain);
        BigInteger[][] signatures = new BigInteger[ITERATIONS][];
        for (int i = 0; i < WARMUP; i++) {
            bcSign(priv, input, i);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < ITERATIONS; i++) {
            signatures[i] = bcSign(priv, input, i);
        }
        long sign = System.nanoTime() - t0;
        long t1 = System.nanoTime();
        for (int i = 0; i < ITERATIONS; i++) {
            ECDSASigner v = new ECDSASigner();
            v.init(false, pub);
            if (!v.verifySignature(hash(input, i), signatures[i][0], signatures[i][1])) {
                throw new IllegalStateException("verification failed: run void");
            }
        }
        long verify = System.nanoTime() - t1;
        report("ES256 (BouncyCastle, RFC 6979 nonces) [used]", sign, verify);
    }

    static BigInteger[] bcSign(ECPrivateKeyParameters priv, byte[] input, int i) throws Exception {
        ECDSASigner s = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        s.init(true, priv);
        return s.generateSignature(hash(input, i));
    }

    static byte[] hash(byte[] input, int i) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(input);
        md.update((byte) i);
        return md.digest();
    }

    static void report(String name, long signNanos, long verifyNanos) {
        System.out.printf(
                "  %-46s sign %7.1f µs/op (%6.0f ops/s)   verify %7.1f µs/op (%6.0f ops/s)%n",
                name,
                signNanos / 1e3 / ITERATIONS,
                ITERATIONS / (signNanos / 1e9),
                verifyNanos / 1e3 / ITERATIONS,
                ITERATIONS / (verifyNanos / 1e9));
    }
}
