package de.erpconnect.application.token;

import de.erpconnect.common.Jsonp;
import de.erpconnect.common.Settings;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.infrastructure.crypto.JwsSigner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * JWTs this server signed and checks itself (the Amazon consent's {@code state}); access tokens
 * are verified by the web layer through MicroProfile JWT. A token is accepted only with its own
 * {@code typ} (DESIGN §6: no kind of token can be replayed as another), ES256 and a {@code kid} of
 * the realm's keys and no {@code crit} header, a valid signature, the realm's issuer, the expected
 * audience, {@code iat} and the caller's required claims, and an expiry in the future (no clock
 * skew: the server checks its own tokens).
 */
@ApplicationScoped
public class SignedJwts {

    static final int MAX_LENGTH = 8192;

    @Inject
    SigningKeys signingKeys;

    @Inject
    Settings settings;

    /**
     * The claims of a valid token of {@code realm} and {@code type} for {@code audience} that has
     * every claim of {@code required} (besides {@code iss}, {@code aud}, {@code exp} and
     * {@code iat}); empty otherwise.
     */
    public Optional<JsonObject> verify(
            RealmId realm, String token, String type, String audience, Set<String> required, Instant now) {
        Optional<String[]> parts = parts(token);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        Optional<JsonObject> header = json(parts.get()[0]);
        Optional<JsonObject> claims = json(parts.get()[1]);
        if (header.isEmpty() || claims.isEmpty()) {
            return Optional.empty();
        }
        if (!type.equals(string(header.get(), "typ"))
                || !JwsSigner.ALGORITHM.equals(string(header.get(), "alg"))
                || header.get().containsKey("crit")) {
            // RFC 7515 §4.1.11: we understand no critical extension
            return Optional.empty();
        }
        String kid = string(header.get(), "kid");
        Optional<PublicKey> key = kid == null ? Optional.empty() : signingKeys.verificationKey(realm, kid);
        if (key.isEmpty() || !JwsSigner.verifies(token, key.get())) {
            return Optional.empty();
        }
        JsonObject c = claims.get();
        boolean valid = settings.issuer(realm).equals(string(c, "iss"))
                && audience.equals(string(c, "aud"))
                && c.get("exp") instanceof JsonNumber exp
                && now.getEpochSecond() < exp.longValue()
                && c.get("iat") instanceof JsonNumber
                && required.stream().allMatch(c::containsKey);
        return valid ? claims : Optional.empty();
    }

    /**
     * The cloud realm a token claims to come from ({@code iss} = {@code {public URL}/cloud/realms/{no}}),
     * read before verification to pick the realm's keys; {@link #verify} then checks it.
     */
    public Optional<RealmId> claimedCloudRealm(String token) {
        String issuer =
                parts(token).flatMap(p -> json(p[1])).map(c -> string(c, "iss")).orElse(null);
        String prefix = settings.publicUrl().resolve("/cloud/realms/");
        if (issuer == null || !issuer.startsWith(prefix)) {
            return Optional.empty();
        }
        String number = issuer.substring(prefix.length());
        return number.matches("[0-9]{1,20}") ? Optional.of(RealmId.of(number)) : Optional.empty();
    }

    /** The three parts of a compact JWS of at most {@value #MAX_LENGTH} characters; empty otherwise. */
    static Optional<String[]> parts(String token) {
        if (token == null || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        return parts.length == 3 ? Optional.of(parts) : Optional.empty();
    }

    static String string(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value instanceof JsonString s ? s.getString() : null;
    }

    static Optional<JsonObject> json(String base64url) {
        try (JsonReader reader = Jsonp.JSON.createReader(
                new StringReader(new String(Base64.getUrlDecoder().decode(base64url), StandardCharsets.UTF_8)))) {
            return Optional.of(reader.readObject());
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }
}
