package de.erpconnect.application.token;

import de.erpconnect.application.client.RemoteClientKeys;
import de.erpconnect.common.Settings;
import de.erpconnect.domain.client.AssertionIds;
import de.erpconnect.domain.client.ClientCredentials;
import de.erpconnect.domain.client.ClientKeys;
import de.erpconnect.domain.client.ClientProof;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.shared.Sha256;
import de.erpconnect.infrastructure.crypto.JwsSigner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code private_key_jwt} client authentication (RFC 7523 §2.2 and §3): the client signs a short
 * JWT with one of the keys it registered. Accepted: ES256 or PS256 ({@code none} and HMAC never),
 * the {@code kid} of a registered key (or no {@code kid} when exactly one key fits the algorithm;
 * keys published at a {@code jwks_uri} come from {@link RemoteClientKeys}),
 * {@code iss} = {@code sub} = the client id, an audience that is the issuer identifier or the URL
 * the request was sent to (under the FAPI 2.0 switch the issuer identifier alone), an expiry at most {@value #MAX_LIFETIME_SECONDS} s ahead, {@code iat}
 * and {@code nbf} not in the future, each with {@value #SKEW_SECONDS} s of clock skew, and a
 * {@code jti} used once only, cluster-wide ({@link AssertionIds}, kept in a cache: an assertion
 * made before this node's application started is refused, since the ids seen before may be gone). Until the signature is verified
 * every refusal reads the same (an algorithm other than ES256 or PS256 is refused before the client
 * is looked up, so that answer tells nothing either); after it, the refusal names the rule (the
 * sender holds the key).
 */
@ApplicationScoped
public class ClientAssertions {

    /** RFC 7523 §2.2. */
    public static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    static final long MAX_LIFETIME_SECONDS = 60;
    static final long SKEW_SECONDS = 10;
    static final int MAX_JTI_LENGTH = 128;

    /** The refusal that tells nothing: the signature was not verified. */
    static final String UNVERIFIED = "Client authentication failed.";

    private static final int MAX_VERIFIERS = 10_000;

    private final ConcurrentHashMap<String, JwsSigner.Verifier> verifiers = new ConcurrentHashMap<>();

    @Inject
    Settings settings;

    @Inject
    AssertionIds assertionIds;

    @Inject
    RemoteClientKeys remoteKeys;

    /**
     * The algorithm of an assertion's header, read before anything else: one that is not ES256 or
     * PS256 is refused alike for every client, known or not.
     */
    public static boolean acceptedAlgorithm(String assertion) {
        return SignedJwts.parts(assertion)
                .flatMap(p -> SignedJwts.json(p[0]))
                .map(h -> SignedJwts.string(h, "alg"))
                .filter(alg -> ClientKeys.ES256.equals(alg) || ClientKeys.PS256.equals(alg))
                .isPresent();
    }

    /** The subject of an assertion, read before verification to find the client; empty if unreadable. */
    public static Optional<String> subject(String assertion) {
        return SignedJwts.parts(assertion).flatMap(p -> SignedJwts.json(p[1])).map(c -> SignedJwts.string(c, "sub"));
    }

    /** Why the client's assertion is refused; empty when it authenticates the client. */
    Optional<String> refusal(ClientCredentials client, RealmId realm, ClientProof proof, Instant now) {
        ClientKeys keys = client.keys();
        Optional<String[]> parts = SignedJwts.parts(proof.assertion());
        if (keys == null || parts.isEmpty()) {
            return Optional.of(UNVERIFIED);
        }
        Optional<JsonObject> header = SignedJwts.json(parts.get()[0]);
        Optional<JsonObject> claims = SignedJwts.json(parts.get()[1]);
        if (header.isEmpty() || claims.isEmpty()) {
            return Optional.of(UNVERIFIED);
        }
        String alg = SignedJwts.string(header.get(), "alg");
        if (!ClientKeys.ES256.equals(alg) && !ClientKeys.PS256.equals(alg)
                || header.get().containsKey("crit")) {
            return Optional.of(UNVERIFIED);
        }
        String kid = SignedJwts.string(header.get(), "kid");
        if (client.jwksUri() != null) {
            keys = remoteKeys.current(realm, client.clientId(), client.jwksUri(), keys);
        }
        Optional<ClientKeys.Key> key = key(keys, kid, alg);
        if (key.isEmpty() && client.jwksUri() != null) {
            // a new key of the partner app works at once
            key = key(remoteKeys.afterUnknownKid(realm, client.clientId(), client.jwksUri(), keys), kid, alg);
        }
        if (key.isEmpty() || !verifies(proof.assertion(), alg, key.get())) {
            return Optional.of(UNVERIFIED);
        }
        return claimsRefusal(claims.get(), client.clientId().value(), client.fapi2(), realm, proof, now);
    }

    private Optional<String> claimsRefusal(
            JsonObject c, String clientId, boolean fapi2, RealmId realm, ClientProof proof, Instant now) {
        if (!clientId.equals(SignedJwts.string(c, "iss")) || !clientId.equals(SignedJwts.string(c, "sub"))) {
            return Optional.of("The client assertion's iss and sub must both be the client id.");
        }
        String issuer = settings.issuer(realm);
        List<String> audiences = audiences(c.get("aud"));
        if (fapi2 && !audiences.equals(List.of(issuer))) {
            // FAPI 2.0 §5.3.2.1 and draft-ietf-oauth-rfc7523bis: the issuer alone, no endpoint URL
            return Optional.of("FAPI 2.0: the client assertion's aud must be the issuer identifier " + issuer
                    + " alone (not an endpoint URL).");
        }
        if (!audiences.contains(issuer) && (proof.endpoint() == null || !audiences.contains(proof.endpoint()))) {
            return Optional.of("The client assertion's aud must be the issuer identifier " + issuer + ".");
        }
        long seconds = now.getEpochSecond();
        if (!(c.get("exp") instanceof JsonNumber exp)) {
            return Optional.of("The client assertion has no exp.");
        }
        if (exp.longValue() + SKEW_SECONDS <= seconds) {
            return Optional.of("The client assertion has expired.");
        }
        if (exp.longValue() > seconds + MAX_LIFETIME_SECONDS + SKEW_SECONDS) {
            return Optional.of("The client assertion's exp is more than " + MAX_LIFETIME_SECONDS + " s in the future.");
        }
        for (String notAfterNow : List.of("iat", "nbf")) {
            JsonValue value = c.get(notAfterNow);
            if (value != null && (!(value instanceof JsonNumber n) || n.longValue() > seconds + SKEW_SECONDS)) {
                return Optional.of("The client assertion's " + notAfterNow + " is in the future.");
            }
        }
        // the ids kept before this node's application started may be gone (restart, redeployment):
        // what was made before may have been used before (without iat: the earliest it can have been
        // made). Not covered: an assertion whose iat ran ahead of the server's clock (at most 10 s),
        // used in the last seconds before a stop, and replayed as soon as the application is up again.
        long made = c.get("iat") instanceof JsonNumber iat
                ? iat.longValue()
                : exp.longValue() - MAX_LIFETIME_SECONDS - SKEW_SECONDS;
        if (made < assertionIds.keptSince().getEpochSecond()) {
            return Optional.of("The client assertion was made before the server started; send a new one.");
        }
        String jti = SignedJwts.string(c, "jti");
        if (jti == null || jti.isEmpty() || jti.length() > MAX_JTI_LENGTH) {
            return Optional.of("The client assertion needs a jti of 1 to " + MAX_JTI_LENGTH + " characters.");
        }
        Instant keepUntil = Instant.ofEpochSecond(exp.longValue() + SKEW_SECONDS);
        // stored as its SHA-256: any characters, fixed length
        if (!assertionIds.firstUse(realm.value(), clientId, Sha256.base64Url(jti), keepUntil)) {
            return Optional.of("The client assertion was used before (its jti is known).");
        }
        return Optional.empty();
    }

    private static Optional<ClientKeys.Key> key(ClientKeys keys, String kid, String alg) {
        if (kid != null) {
            return keys.byKid(kid).filter(k -> k.algorithm().equals(alg));
        }
        List<ClientKeys.Key> fitting =
                keys.keys().stream().filter(k -> k.algorithm().equals(alg)).toList();
        return fitting.size() == 1 ? Optional.of(fitting.get(0)) : Optional.empty();
    }

    /**
     * Checks the signature with the key's verifier, kept per key (by its thumbprint): BouncyCastle
     * keeps the multiplication tables of an EC key with its prepared point, which makes every
     * further verification of that key cheaper.
     */
    private boolean verifies(String assertion, String alg, ClientKeys.Key key) {
        if (verifiers.size() >= MAX_VERIFIERS) {
            verifiers.clear();
        }
        return verifiers
                .computeIfAbsent(alg + ' ' + key.thumbprint(), k -> JwsSigner.verifier(alg, key.publicKey()))
                .verifies(assertion);
    }

    private static List<String> audiences(JsonValue aud) {
        if (aud instanceof JsonString s) {
            return List.of(s.getString());
        }
        if (aud instanceof JsonArray array) {
            return array.stream()
                    .filter(JsonString.class::isInstance)
                    .map(v -> ((JsonString) v).getString())
                    .toList();
        }
        return List.of();
    }
}
