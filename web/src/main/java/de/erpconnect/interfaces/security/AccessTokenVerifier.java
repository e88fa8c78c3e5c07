package de.erpconnect.interfaces.security;

import de.erpconnect.application.token.SigningKeys;
import de.erpconnect.common.Jsonp;
import de.erpconnect.common.Settings;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.token.AccessTokenClaims;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies our own RFC 9068 access tokens (DESIGN §6): the header must say {@code typ: at+jwt},
 * {@code alg: ES256} and a {@code kid} from our key table (no HTTP fetch of our own JWKS);
 * MP-JWT's {@link JWTParser} then checks signature, issuer, audience and expiry (no clock skew:
 * one issuer, one clock). A verify costs ~2 ms, and partner apps reuse a token for many requests,
 * so verified tokens are cached by SHA-256 until they expire — the raw token is never kept.
 */
@ApplicationScoped
public class AccessTokenVerifier {

    static final int MAX_TOKEN_LENGTH = 8192;
    static final int MAX_CACHED = 50_000;

    @Inject
    JWTParser parser;

    @Inject
    SigningKeys signingKeys;

    @Inject
    Settings settings;

    private final ConcurrentHashMap<String, VerifiedToken> verified = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, JWTAuthContextInfo> contexts = new ConcurrentHashMap<>();

    public VerifiedToken verify(String token) throws InvalidTokenException {
        return verify(RealmId.ERP, token);
    }

    /**
     * Verifies a token of one realm: its key, issuer and audience are that realm's, so a token of
     * one cloud realm is refused by another and by the ERP (DESIGN §9).
     */
    public VerifiedToken verify(RealmId realm, String token) throws InvalidTokenException {
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidTokenException("The access token is malformed.");
        }
        String key = realm.value() + " " + sha256(token);
        long now = System.currentTimeMillis() / 1000;
        VerifiedToken cached = verified.get(key);
        if (cached != null) {
            if (now < cached.expiresAtEpochSecond()) {
                return cached;
            }
            verified.remove(key);
            throw new InvalidTokenException("The access token expired.");
        }
        VerifiedToken fresh = verifyUncached(realm, token);
        if (verified.size() >= MAX_CACHED) {
            verified.values().removeIf(t -> t.expiresAtEpochSecond() <= now);
            if (verified.size() >= MAX_CACHED) {
                verified.clear();
            }
        }
        verified.put(key, fresh);
        return fresh;
    }

    private VerifiedToken verifyUncached(RealmId realm, String token) throws InvalidTokenException {
        JsonWebToken jwt = verifySigned(realm, token);
        String subject = jwt.getSubject();
        String clientId = claimString(jwt, AccessTokenClaims.CLIENT_ID);
        String scope = claimString(jwt, AccessTokenClaims.SCOPE);
        if (subject == null || clientId == null || scope == null) {
            throw new InvalidTokenException("The access token lacks sub, client_id or scope.");
        }
        Set<String> scopes = AccessTokenClaims.scopes(scope);
        Long grantId;
        try {
            grantId = AccessTokenClaims.grantId(claimString(jwt, AccessTokenClaims.GRANT_ID));
        } catch (NumberFormatException e) {
            throw new InvalidTokenException("The access token is invalid.");
        }
        String jkt = null;
        // MP-JWT hands an object claim over as the parser's Map, or as JSON-P
        Object cnf = jwt.getClaim(AccessTokenClaims.CONFIRMATION);
        if (cnf != null) {
            Object thumbprint = cnf instanceof Map<?, ?> map
                    ? map.get(AccessTokenClaims.THUMBPRINT)
                    : cnf instanceof JsonObject json ? stringOrNull(json, AccessTokenClaims.THUMBPRINT) : null;
            if (!(thumbprint instanceof String value) || value.isEmpty()) {
                throw new InvalidTokenException("The access token's cnf is invalid.");
            }
            jkt = value;
        }
        return new VerifiedToken(
                jwt, subject, clientId, scopes, jwt.getExpirationTime(), jwt.getTokenID(), grantId, jkt);
    }

    private static String claimString(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        if (value instanceof JsonString js) {
            return js.getString();
        }
        return value instanceof String str ? str : null;
    }

    /**
     * Checks the header first (typ exactly {@code at+jwt}, so no other kind of token we sign is
     * taken for an access token; ES256; a {@code kid} of the realm's keys), then lets MP-JWT check
     * signature, the realm's issuer as issuer and audience, expiry and the required claims.
     */
    private JsonWebToken verifySigned(RealmId realm, String token) throws InvalidTokenException {
        JsonObject header = header(token);
        if (!AccessTokenClaims.TYPE.equals(stringOrNull(header, "typ"))) {
            throw new InvalidTokenException("The token is not an access token (typ must be at+jwt).");
        }
        if (!SignatureAlgorithm.ES256.getAlgorithm().equals(stringOrNull(header, "alg"))) {
            throw new InvalidTokenException("The token's algorithm is not accepted.");
        }
        String kid = stringOrNull(header, "kid");
        PublicKey publicKey = Optional.ofNullable(kid)
                .flatMap(k -> signingKeys.verificationKey(realm, k))
                .orElseThrow(() -> new InvalidTokenException("The token was not signed by this server."));
        try {
            return parser.parse(
                    token, contexts.computeIfAbsent(realm.value() + " " + kid, k -> context(realm, publicKey)));
        } catch (ParseException e) {
            throw new InvalidTokenException(describe(e));
        }
    }

    private JWTAuthContextInfo context(RealmId realm, PublicKey key) {
        JWTAuthContextInfo ctx = new JWTAuthContextInfo(key, settings.issuer(realm));
        ctx.setExpectedAudience(Set.of(settings.issuer(realm)));
        ctx.setSignatureAlgorithm(SignatureAlgorithm.ES256);
        ctx.setClockSkew(0);
        ctx.setRequiredClaims(AccessTokenClaims.REQUIRED);
        return ctx;
    }

    private static String describe(ParseException e) {
        String detail = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        if (detail.contains("Expiration Time")) {
            return "The access token expired.";
        }
        if (detail.contains("signature")) {
            return "The token's signature is invalid.";
        }
        if (detail.contains("Issuer")) {
            return "The token was issued by another issuer.";
        }
        if (detail.contains("Audience")) {
            return "The token is meant for another audience.";
        }
        return "The access token is invalid.";
    }

    private static JsonObject header(String token) throws InvalidTokenException {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            throw new InvalidTokenException("The access token is malformed.");
        }
        try (JsonReader reader = Jsonp.JSON.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        } catch (IllegalArgumentException | JsonException | ClassCastException e) {
            throw new InvalidTokenException("The access token is malformed.");
        }
    }

    private static String stringOrNull(JsonObject o, String name) {
        return o.containsKey(name) && o.get(name).getValueType() == jakarta.json.JsonValue.ValueType.STRING
                ? o.getString(name)
                : null;
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
