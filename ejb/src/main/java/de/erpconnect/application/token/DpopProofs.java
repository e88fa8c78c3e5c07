package de.erpconnect.application.token;

import de.erpconnect.domain.client.ClientKeys;
import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.shared.Sha256;
import de.erpconnect.domain.token.DpopNonceRequiredException;
import de.erpconnect.domain.token.DpopNonces;
import de.erpconnect.domain.token.OAuthError;
import de.erpconnect.domain.token.OAuthException;
import de.erpconnect.domain.token.ProofIds;
import de.erpconnect.infrastructure.crypto.JwsSigner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DPoP proofs (RFC 9449 §4.3), at the token endpoint and at the APIs alike: a JWT of type
 * {@value #TYPE}, signed ES256 or PS256 with the public key in its own header ({@code jwk}, by the
 * rules of registered client keys, {@link ClientKeys#proofKey}), for this request's method
 * ({@code htm}) and URL ({@code htu}, without query and fragment), made at most
 * {@value #MAX_AGE_SECONDS} s ago ({@code iat}, {@value #SKEW_SECONDS} s of clock skew), with the
 * server's current nonce, for the presented access token ({@code ath}) at an API, and used once
 * ({@code jti}, {@link ProofIds}). What a proof proves is the RFC 7638 thumbprint of its key ({@code jkt}), to which
 * tokens are bound.
 */
@ApplicationScoped
public class DpopProofs {

    /** RFC 9449 §4.2. */
    public static final String TYPE = "dpop+jwt";

    /** The request header of a proof and the response header of the server's nonce (RFC 9449 §4.1, §8). */
    public static final String HEADER = "DPoP";

    public static final String NONCE_HEADER = "DPoP-Nonce";

    /** The algorithms a proof may use (discovery's {@code dpop_signing_alg_values_supported}). */
    public static final List<String> ALGORITHMS = List.of(ClientKeys.ES256, ClientKeys.PS256);

    static final long MAX_AGE_SECONDS = 60;
    static final long SKEW_SECONDS = 10;
    static final int MAX_JTI_LENGTH = 128;
    private static final int MAX_CACHED_KEYS = 10_000;

    @Inject
    DpopNonces nonces;

    @Inject
    ProofIds proofIds;

    /** A proof key and its verifier, kept by the {@code jwk} header's text. */
    private record ProofKey(ClientKeys.Key key, JwsSigner.Verifier verifier) {}

    /** Parsed proof keys by their {@code jwk} header text: a partner app signs with one key for long. */
    private final ConcurrentHashMap<String, ProofKey> keys = new ConcurrentHashMap<>();

    /** The nonce to hand out in {@code DPoP-Nonce} now. */
    public String currentNonce() {
        return nonces.current(Instant.now());
    }

    /**
     * Verifies the proof of a request and returns the thumbprint of its key. {@code url} is the
     * request's URL as the public URL names it; {@code accessToken} the token the request presents
     * and {@code boundJkt} the key it is bound to, both null at the token endpoint. The cheap checks
     * come before the signature, and the replay check last, so that a refused proof uses up nothing.
     * Refusals: {@link OAuthError#INVALID_DPOP_PROOF}, {@link DpopNonceRequiredException}, and
     * {@link OAuthError#INVALID_TOKEN} for a proof of another key than the token's.
     */
    public String verify(String proof, String method, String url, String accessToken, String boundJkt) {
        Instant now = Instant.now();
        String[] parts = SignedJwts.parts(proof).orElseThrow(() -> invalid("The DPoP proof is not a signed JWT."));
        JsonObject header = SignedJwts.json(parts[0]).orElseThrow(() -> invalid("The DPoP proof is not a signed JWT."));
        JsonObject claims = SignedJwts.json(parts[1]).orElseThrow(() -> invalid("The DPoP proof is not a signed JWT."));
        if (!TYPE.equals(SignedJwts.string(header, "typ"))) {
            throw invalid("The DPoP proof's typ must be " + TYPE + ".");
        }
        String alg = SignedJwts.string(header, "alg");
        if (!ALGORITHMS.contains(alg)) {
            throw invalid("The DPoP proof's alg must be ES256 or PS256.");
        }
        if (header.containsKey("crit")) {
            throw invalid("The DPoP proof has critical header parameters this server does not know.");
        }
        if (!(header.get("jwk") instanceof JsonObject jwk)) {
            throw invalid("The DPoP proof needs its public key in the header parameter jwk.");
        }
        ProofKey key = key(jwk);
        if (!key.key().algorithm().equals(alg)) {
            throw invalid("The DPoP proof's key does not fit its alg " + alg + ".");
        }
        checkClaims(claims, method, url, accessToken, now);
        if (!key.verifier().verifies(proof)) {
            throw invalid("The DPoP proof's signature is invalid.");
        }
        if (boundJkt != null && !boundJkt.equals(key.key().thumbprint())) {
            throw new OAuthException(
                    OAuthError.INVALID_TOKEN, "The DPoP proof was made with another key than the token is bound to.");
        }
        if (!proofIds.firstUse(Sha256.base64Url(SignedJwts.string(claims, "jti")))) {
            throw invalid("The DPoP proof was used before (its jti is known).");
        }
        return key.key().thumbprint();
    }

    private void checkClaims(JsonObject claims, String method, String url, String accessToken, Instant now) {
        if (!method.equals(SignedJwts.string(claims, "htm"))) {
            throw invalid("The DPoP proof is for another HTTP method (htm must be " + method + ").");
        }
        String htu = normalized(SignedJwts.string(claims, "htu"));
        if (htu == null || !htu.equals(normalized(url))) {
            throw invalid("The DPoP proof is for another URL (htu must be " + url + ").");
        }
        if (!(claims.get("iat") instanceof JsonNumber iat)) {
            throw invalid("The DPoP proof has no iat.");
        }
        long seconds = now.getEpochSecond();
        if (iat.longValue() > seconds + SKEW_SECONDS) {
            throw invalid("The DPoP proof's iat is in the future.");
        }
        if (iat.longValue() < seconds - MAX_AGE_SECONDS - SKEW_SECONDS) {
            throw invalid("The DPoP proof is too old (iat more than " + MAX_AGE_SECONDS + " s ago).");
        }
        String jti = SignedJwts.string(claims, "jti");
        if (jti == null || jti.isEmpty() || jti.length() > MAX_JTI_LENGTH) {
            throw invalid("The DPoP proof needs a jti of 1 to " + MAX_JTI_LENGTH + " characters.");
        }
        if (accessToken != null && !Sha256.base64Url(accessToken).equals(SignedJwts.string(claims, "ath"))) {
            throw invalid("The DPoP proof is not for the presented access token (ath).");
        }
        String nonce = SignedJwts.string(claims, "nonce");
        if (nonce == null || !nonces.accepts(nonce, now)) {
            throw new DpopNonceRequiredException(
                    nonce == null
                            ? "The DPoP proof needs the server's nonce (see the DPoP-Nonce header)."
                            : "The DPoP proof's nonce has expired; use the one in the DPoP-Nonce header.",
                    nonces.current(now));
        }
    }

    private ProofKey key(JsonObject jwk) {
        String text = jwk.toString();
        ProofKey cached = keys.get(text);
        if (cached != null) {
            return cached;
        }
        ProofKey parsed;
        try {
            ClientKeys.Key key = ClientKeys.proofKey(jwk);
            parsed = new ProofKey(key, JwsSigner.verifier(key.algorithm(), key.publicKey()));
        } catch (InvalidInputException e) {
            throw invalid(e.getMessage());
        }
        if (keys.size() >= MAX_CACHED_KEYS) {
            keys.clear();
        }
        keys.put(text, parsed);
        return parsed;
    }

    /**
     * A URL as RFC 9449 §4.3 compares it (RFC 3986 §6.2.2 and §6.2.3): scheme and host in lower
     * case, no default port, no query or fragment; null when it is not an absolute http(s) URL.
     */
    static String normalized(String url) {
        if (url == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = Optional.ofNullable(uri.getScheme())
                .map(s -> s.toLowerCase(Locale.ROOT))
                .orElse("");
        if (!scheme.equals("https") && !scheme.equals("http")
                || uri.getRawAuthority() == null
                || uri.getHost() == null) {
            return null;
        }
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || scheme.equals("https") && port == 443 || scheme.equals("http") && port == 80;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path;
    }

    private static OAuthException invalid(String description) {
        return new OAuthException(OAuthError.INVALID_DPOP_PROOF, description);
    }
}
