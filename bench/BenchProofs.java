import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;

/**
 * Prepares the pre-signed, single-use ES256 JWTs that bench/graphql.lua (mode dpop-rowread) and
 * bench/assertion.lua send with wrk, which cannot sign: every request gets one of its own, made
 * shortly before the run (a DPoP proof is accepted for 60 s, a client assertion for 60 s).
 *
 *   dpop URL PUBLIC_URL APPS_FILE N OUT — for each application of APPS_FILE (lines "clientId
 *       secret") a key of its own and a DPoP-bound client-credentials token, then N proofs in all
 *       (round robin over the applications) for POST PUBLIC_URL/graphql with the server's nonce;
 *       OUT lines: "token proof";
 *   assertion URL PUBLIC_URL ADMIN_BASIC USER N OUT — one new application of USER whose only
 *       credential is a registered P-256 key (private_key_jwt), then N client_credentials form
 *       bodies, each with a fresh client assertion (aud = the issuer, exp 60 s ahead, own jti);
 *       OUT lines: the form bodies.
 *
 * Signing uses BouncyCastle's P-256 (deterministic k), the same library the server verifies with.
 * java -cp bcprov.jar bench/BenchProofs.java MODE …
 */
public class BenchProofs {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
    static final ECDomainParameters DOMAIN =
            new ECDomainParameters(P256.getCurve(), P256.getG(), P256.getN(), P256.getH());
    static final SecureRandom RANDOM = new SecureRandom();

    public static void main(String[] a) throws Exception {
        long started = System.nanoTime();
        List<String> lines = switch (a[0]) {
            case "dpop" -> dpop(a[1], a[2], Files.readAllLines(Path.of(a[3])), Integer.parseInt(a[4]));
            case "assertion" -> assertions(a[1], a[2], a[3], a[4], Integer.parseInt(a[5]));
            default -> throw new IllegalArgumentException("mode must be dpop or assertion");
        };
        Files.write(Path.of(a[a.length - 1]), lines);
        System.err.printf("prepared %d %s JWTs in %.1f s%n", lines.size(), a[0], (System.nanoTime() - started) / 1e9);
    }

    /** A P-256 key pair with its public JWK and RFC 7638 thumbprint. */
    record Key(KeyPair pair, String jwk) {
        static Key generate() throws Exception {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = g.generateKeyPair();
            ECPublicKey pub = (ECPublicKey) pair.getPublic();
            String jwk = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + coordinate(pub.getW().getAffineX())
                    + "\",\"y\":\"" + coordinate(pub.getW().getAffineY()) + "\"}";
            return new Key(pair, jwk);
        }

        /** An ES256 JWS of header and claims (JSON texts). */
        String sign(String header, String claims) {
            String input = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
            byte[] bytes = input.getBytes(StandardCharsets.US_ASCII);
            SHA256Digest sha = new SHA256Digest();
            byte[] digest = new byte[32];
            sha.update(bytes, 0, bytes.length);
            sha.doFinal(digest, 0);
            ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
            signer.init(true, new ECPrivateKeyParameters(((ECPrivateKey) pair.getPrivate()).getS(), DOMAIN));
            BigInteger[] rs = signer.generateSignature(digest);
            byte[] signature = new byte[64];
            fixed32(rs[0], signature, 0);
            fixed32(rs[1], signature, 32);
            return input + "." + B64.encodeToString(signature);
        }
    }

    static List<String> dpop(String url, String publicUrl, List<String> apps, int n) throws Exception {
        record Bound(Key key, String token, String ath) {}
        List<Bound> bound = new ArrayList<>();
        String nonce = null;
        for (String app : apps) {
            if (app.isBlank()) {
                continue;
            }
            String[] idAndSecret = app.trim().split(" ");
            Key key = Key.generate();
            String basic = "Basic " + Base64.getEncoder()
                    .encodeToString((idAndSecret[0] + ":" + idAndSecret[1]).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = tokenRequest(url, basic, key, publicUrl, nonce);
            if (r.statusCode() == 400 && r.body().contains("use_dpop_nonce")) {
                nonce = r.headers().firstValue("DPoP-Nonce").orElseThrow();
                r = tokenRequest(url, basic, key, publicUrl, nonce);
            }
            if (r.statusCode() != 200 || !r.body().contains("\"token_type\":\"DPoP\"")) {
                throw new IllegalStateException("no DPoP-bound token: HTTP " + r.statusCode() + " " + r.body());
            }
            String token = field(r.body(), "access_token");
            String ath = B64.encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
            bound.add(new Bound(key, token, ath));
        }
        long iat = System.currentTimeMillis() / 1000;
        String htu = publicUrl + "/graphql";
        String usedNonce = nonce;
        return IntStream.range(0, n)
                .parallel()
                .mapToObj(i -> {
                    Bound b = bound.get(i % bound.size());
                    return b.token() + " " + proof(b.key(), "POST", htu, iat, usedNonce, b.ath());
                })
                .toList();
    }

    static HttpResponse<String> tokenRequest(String url, String basic, Key key, String publicUrl, String nonce)
            throws Exception {
        String proof = proof(key, "POST", publicUrl + "/oauth2/token", System.currentTimeMillis() / 1000, nonce, null);
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url + "/oauth2/token"))
                        .header("Authorization", basic)
                        .header("DPoP", proof)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String proof(Key key, String method, String url, long iat, String nonce, String ath) {
        StringBuilder claims = new StringBuilder("{\"jti\":\"").append(jti())
                .append("\",\"htm\":\"").append(method)
                .append("\",\"htu\":\"").append(url)
                .append("\",\"iat\":").append(iat);
        if (nonce != null) {
            claims.append(",\"nonce\":\"").append(nonce).append('"');
        }
        if (ath != null) {
            claims.append(",\"ath\":\"").append(ath).append('"');
        }
        return key.sign("{\"typ\":\"dpop+jwt\",\"alg\":\"ES256\",\"jwk\":" + key.jwk() + "}", claims.append('}').toString());
    }

    static List<String> assertions(String url, String publicUrl, String adminBasic, String user, int n) throws Exception {
        HttpResponse<String> created = HTTP.send(
                HttpRequest.newBuilder(URI.create(url + "/api/admin/applications"))
                        .header("Authorization", adminBasic)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Benchmark private_key_jwt " + jti()
                                + "\",\"user\":\"" + user + "\",\"scopes\":[\"graphql\"]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("no application: HTTP " + created.statusCode() + " " + created.body());
        }
        String clientId = field(created.body(), "clientId");
        Matcher id = Pattern.compile("\"id\":([0-9]+)").matcher(created.body());
        if (!id.find()) {
            throw new IllegalStateException("no application id: " + created.body());
        }
        Key key = Key.generate();
        String jwks = "{\"keys\":[" + key.jwk().replace("{", "{\"kid\":\"bench\",\"alg\":\"ES256\",") + "]}";
        HttpResponse<String> registered = HTTP.send(
                HttpRequest.newBuilder(URI.create(url + "/api/admin/applications/" + id.group(1) + "/jwks"))
                        .header("Authorization", adminBasic)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(jwks))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (registered.statusCode() != 200) {
            throw new IllegalStateException("keys not registered: HTTP " + registered.statusCode() + " " + registered.body());
        }
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"ES256\",\"kid\":\"bench\"}";
        return IntStream.range(0, n)
                .parallel()
                .mapToObj(i -> {
                    String claims = "{\"iss\":\"" + clientId + "\",\"sub\":\"" + clientId + "\",\"aud\":\"" + publicUrl
                            + "\",\"jti\":\"" + jti() + "\",\"iat\":" + now + ",\"exp\":" + (now + 60) + "}";
                    return "grant_type=client_credentials&scope=graphql"
                            + "&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"
                            + "&client_assertion=" + key.sign(header, claims);
                })
                .toList();
    }

    static String jti() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return B64.encodeToString(id);
    }

    static String coordinate(BigInteger value) {
        byte[] out = new byte[32];
        fixed32(value, out, 0);
        return B64.encodeToString(out);
    }

    static void fixed32(BigInteger value, byte[] out, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, out, offset + 32 - length, length);
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
