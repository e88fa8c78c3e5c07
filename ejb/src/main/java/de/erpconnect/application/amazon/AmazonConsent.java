package de.erpconnect.application.amazon;

import de.erpconnect.application.token.SignedJwts;
import de.erpconnect.application.token.SigningKeys;
import de.erpconnect.common.AmazonSettings;
import de.erpconnect.common.Jsonp;
import de.erpconnect.common.Settings;
import de.erpconnect.domain.amazon.AmazonNotConfiguredException;
import de.erpconnect.domain.amazon.AmazonRepository;
import de.erpconnect.domain.amazon.CloudPlatform;
import de.erpconnect.domain.grant.OpaqueToken;
import de.erpconnect.domain.shared.RealmId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Seller Central's consent for a platform (DESIGN §9) and its {@code state}, issued and checked
 * here: a JWT of the platform's realm (type {@value #STATE_TYPE}, audience the cloud's callback URL)
 * naming realm and platform, expiring after ERPCONNECT_AMAZON_STATE_SECONDS, and remembered by its
 * id until the callback spends it once.
 */
@ApplicationScoped
public class AmazonConsent {

    public static final String STATE_TYPE = "amazon-state+jwt";

    /** The claims a state names besides issuer, audience and times. */
    static final Set<String> REQUIRED = Set.of("sub", "jti", "realm");

    @Inject
    AmazonRepository amazon;

    @Inject
    AmazonSettings amazonSettings;

    @Inject
    Settings settings;

    @Inject
    SigningKeys signingKeys;

    @Inject
    SignedJwts signedJwts;

    /** What a valid state names: the realm and platform, and its id to spend. */
    record ConsentState(RealmId realm, long platformId, String stateId) {}

    /**
     * Seller Central's consent URL: {@code {Seller Central}/apps/authorize/consent?application_id=…&state=…}
     * (+ {@code version=beta} for a draft application); the state is remembered until used.
     */
    String consentUrl(CloudPlatform platform) {
        platform.failed(null, Instant.now());
        String applicationId = amazonSettings
                .applicationId()
                .orElseThrow(() -> new AmazonNotConfiguredException(
                        "The cloud has no SP-API application id (ERPCONNECT_AMAZON_APPLICATION_ID)."));
        Instant now = Instant.now();
        String jwtId = OpaqueToken.generate();
        Instant expires = now.plus(amazonSettings.stateLifetime());
        amazon.addState(jwtId, platform.getId(), expires);
        String state = signingKeys.sign(
                platform.getRealm(),
                STATE_TYPE,
                Jsonp.JSON
                        .createObjectBuilder()
                        .add("iss", settings.issuer(platform.getRealm()))
                        .add("aud", amazonSettings.redirectUri())
                        .add("sub", String.valueOf(platform.getId()))
                        .add("realm", platform.getRealm().value())
                        .add("jti", jwtId)
                        .add("iat", now.getEpochSecond())
                        .add("exp", expires.getEpochSecond())
                        .build());
        return amazonSettings.sellerCentral(platform.getCountry()) + "/apps/authorize/consent?application_id="
                + URLEncoder.encode(applicationId, StandardCharsets.UTF_8) + "&state=" + state
                + (amazonSettings.draft() ? "&version=beta" : "");
    }

    /**
     * A state this cloud issued, unexpired, for its callback (signature, type, audience, issuer and
     * the realm it names agree); empty for anything else. Whether it was spent already is the
     * callback's to find out.
     */
    Optional<ConsentState> check(String state, Instant now) {
        Optional<RealmId> realm = signedJwts.claimedCloudRealm(state);
        if (realm.isEmpty()) {
            return Optional.empty();
        }
        Optional<JsonObject> claims =
                signedJwts.verify(realm.get(), state, STATE_TYPE, amazonSettings.redirectUri(), REQUIRED, now);
        if (claims.isEmpty()
                || !realm.get().value().equals(claims.get().getString("realm", null))
                || claims.get().getString("jti", null) == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ConsentState(
                    realm.get(),
                    Long.parseLong(claims.get().getString("sub", "")),
                    claims.get().getString("jti")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
