package de.erpconnect.application.amazon;

import de.erpconnect.application.amazon.AmazonViews.CallbackOutcome;
import de.erpconnect.application.amazon.AmazonViews.LwaClientView;
import de.erpconnect.application.amazon.AmazonViews.PlatformState;
import de.erpconnect.application.cloud.CloudCaller;
import de.erpconnect.application.event.EventLog;
import de.erpconnect.application.token.SigningKeys;
import de.erpconnect.application.user.FirstAdmin;
import de.erpconnect.common.Jsonp;
import de.erpconnect.common.Settings;
import de.erpconnect.domain.amazon.AmazonAuthorization;
import de.erpconnect.domain.amazon.AmazonCountry;
import de.erpconnect.domain.amazon.AmazonErrors;
import de.erpconnect.domain.amazon.AmazonNotConfiguredException;
import de.erpconnect.domain.amazon.AmazonRepository;
import de.erpconnect.domain.amazon.CloudPlatform;
import de.erpconnect.domain.amazon.LwaClient;
import de.erpconnect.domain.amazon.SellingRegion;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.domain.grant.OpaqueToken;
import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.infrastructure.config.AmazonSettings;
import de.erpconnect.infrastructure.crypto.SecretCipher;
import de.erpconnect.infrastructure.http.AmazonClient;
import de.erpconnect.infrastructure.http.AmazonClient.AmazonCallException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Amazon through the vendor cloud (DESIGN §9): an ERP installation registers its platforms in its
 * realm and gets Seller Central's consent URL, whose {@code state} is a signed, expiring,
 * single-use JWT naming realm and platform; Amazon's callback brings the code, which is exchanged
 * at Login with Amazon within its five minutes for a refresh token, kept encrypted per selling
 * region; one SP-API call proves it works. Access tokens are made on demand and cached.
 *
 * <p>The realm API's caller is handed in by the resource, from the request's authenticated
 * principal: on WildFly 39 an EJB called from {@code /cloud/api/*} saw the role but the name
 * {@code anonymous} through {@code getCallerPrincipal()} (the role checks still hold here).
 */
@Stateless
public class AmazonCloudService {

    private static final Logger LOG = Logger.getLogger(AmazonCloudService.class);
    public static final String STATE_TYPE = "amazon-state+jwt";
    static final Duration REAUTHORIZATION_WARNING = Duration.ofDays(30);
    static final Duration ROTATION_WARNING = Duration.ofDays(90);

    @Inject
    AmazonRepository amazon;

    @Inject
    AmazonClient client;

    @Inject
    AmazonSettings amazonSettings;

    @Inject
    Settings settings;

    @Inject
    SigningKeys signingKeys;

    @Inject
    SecretCipher cipher;

    @Inject
    AmazonAccessTokens accessTokens;

    @Inject
    EventLog events;

    @Resource
    SessionContext session;

    // --- the realm's API (a realm token of an ERP installation) ---------------------------------

    /**
     * "ANMELDEN": the platform in the realm (Bezeichnung unique in the realm) and its consent URL —
     * none when the seller already authorized the platform's selling region, which it then shares.
     */
    @RolesAllowed(CloudCaller.CLIENT_ROLE)
    public PlatformState register(CloudCaller caller, String name, String country) {
        RealmId realm = caller.realm();
        AmazonCountry parsed = AmazonCountry.parse(country);
        CloudPlatform platform = new CloudPlatform(realm, name, parsed, Instant.now());
        amazon.addPlatform(platform);
        events.record(
                realm,
                EventType.PLATFORM_REGISTERED,
                caller.login().value(),
                null,
                "Amazon platform '" + platform.getName() + "' (" + parsed.name() + ", region "
                        + parsed.region().germanName() + ") registered.");
        boolean shared = amazon.findAuthorization(realm, parsed.region()).isPresent();
        return state(platform, shared ? null : consentUrl(platform));
    }

    /** "AKTUALISIEREN" (or a retry): a new consent URL for the platform. */
    @RolesAllowed(CloudCaller.CLIENT_ROLE)
    public PlatformState consent(CloudCaller caller, long id) {
        CloudPlatform platform = amazon.getPlatform(caller.realm(), id);
        return state(platform, consentUrl(platform));
    }

    @RolesAllowed(CloudCaller.CLIENT_ROLE)
    public PlatformState platform(CloudCaller caller, long id) {
        return state(amazon.getPlatform(caller.realm(), id), null);
    }

    @RolesAllowed(CloudCaller.CLIENT_ROLE)
    public List<PlatformState> platforms(CloudCaller caller) {
        return amazon.platforms(caller.realm()).stream()
                .map(p -> state(p, null))
                .toList();
    }

    /** Deletes a platform; with the region's last platform the seller's authorization goes too. */
    @RolesAllowed(CloudCaller.CLIENT_ROLE)
    public void delete(CloudCaller caller, long id) {
        RealmId realm = caller.realm();
        CloudPlatform platform = amazon.getPlatform(realm, id);
        amazon.removePlatform(platform);
        String message = "Amazon platform '" + platform.getName() + "' deleted.";
        if (amazon.countPlatforms(realm, platform.getSellingRegion()) == 0) {
            Optional<AmazonAuthorization> authorization = amazon.findAuthorization(realm, platform.getSellingRegion());
            if (authorization.isPresent()) {
                amazon.removeAuthorization(authorization.get());
                accessTokens.drop(realm, platform.getSellingRegion());
                message += " It was the last one of region "
                        + platform.getSellingRegion().germanName() + ": the seller's authorization was removed.";
            }
        }
        events.record(realm, EventType.PLATFORM_DELETED, caller.login().value(), null, message);
    }

    /**
     * "Verbindung prüfen": one SP-API call ({@code GET /sellers/v1/marketplaceParticipations}) with an
     * access token of the platform's region — cached, or made on demand from the refresh token.
     */
    @RolesAllowed(CloudCaller.CLIENT_ROLE)
    public PlatformState check(CloudCaller caller, long id) {
        RealmId realm = caller.realm();
        CloudPlatform platform = amazon.getPlatform(realm, id);
        Instant now = Instant.now();
        Optional<AmazonAuthorization> authorization = amazon.findAuthorization(realm, platform.getSellingRegion());
        if (authorization.isEmpty()) {
            platform.failed("Die Plattform ist bei Amazon nicht angemeldet (ANMELDEN).", now);
            return state(platform, null);
        }
        try {
            List<String> marketplaces = client.marketplaceParticipations(
                    amazonSettings.spApi(platform.getSellingRegion()), accessToken(realm, platform.getSellingRegion()));
            authorization.get().checked(marketplaces, now);
            platform.failed(null, now);
        } catch (AmazonCallException e) {
            String message = AmazonErrors.describe(e.code(), e.description());
            platform.failed(message, now);
            events.record(
                    realm,
                    EventType.PLATFORM_AUTHENTICATION_FAILED,
                    null,
                    null,
                    "Connection check of Amazon platform '" + platform.getName() + "' failed: " + message);
        }
        return state(platform, null);
    }

    // --- Amazon's callback -------------------------------------------------------------------

    /**
     * Amazon's redirect after the seller's consent; {@code state} was verified by the caller
     * (signature, type, audience, expiry). Spends the state, exchanges the code at Login with
     * Amazon, stores the refresh token encrypted for the selling region and checks it with one
     * SP-API call. A refusal is kept on the platform and in the event log, and the state is spent
     * either way.
     */
    @PermitAll
    public CallbackOutcome callback(
            RealmId realm,
            long platformId,
            String stateId,
            String sellingPartnerId,
            String code,
            String error,
            String errorDescription) {
        Instant now = Instant.now();
        Optional<CloudPlatform> found = amazon.findPlatform(realm, platformId);
        if (found.isEmpty()) {
            return new CallbackOutcome(false, "Die Plattform dieser Anmeldung gibt es nicht mehr.");
        }
        CloudPlatform platform = found.get();
        if (!amazon.useState(stateId, platformId, now)) {
            return refuse(
                    platform, "Diese Anmeldung wurde bereits verwendet oder ist abgelaufen; bitte erneut anmelden.");
        }
        if (error != null) {
            return refuse(platform, AmazonErrors.describe(error, errorDescription));
        }
        if (sellingPartnerId == null
                || !sellingPartnerId.matches("[A-Za-z0-9]{1,64}")
                || code == null
                || code.isBlank()) {
            return refuse(
                    platform,
                    "Amazon hat keine vollständige Anmeldung übermittelt (selling_partner_id, spapi_oauth_code).");
        }
        LwaClient lwa = amazon.findLwaClient().orElse(null);
        if (lwa == null) {
            return refuse(
                    platform, "In der Cloud sind keine Zugangsdaten für Login with Amazon hinterlegt (Betreiber).");
        }
        AmazonClient.LwaTokens tokens;
        try {
            tokens = client.exchangeCode(
                    amazonSettings.lwaTokenUrl(),
                    code,
                    amazonSettings.redirectUri(),
                    lwa.getClientId(),
                    lwaSecret(lwa));
        } catch (AmazonCallException e) {
            return refuse(platform, AmazonErrors.describe(e.code(), e.description()));
        }
        SellingRegion region = platform.getSellingRegion();
        byte[] sealed =
                cipher.encrypt(tokens.refreshToken().getBytes(StandardCharsets.UTF_8), refreshContext(realm, region));
        AmazonAuthorization authorization =
                amazon.findAuthorization(realm, region).orElse(null);
        if (authorization == null) {
            authorization = new AmazonAuthorization(realm, region, sellingPartnerId, sealed, now);
            amazon.addAuthorization(authorization);
        } else {
            authorization.authorize(sellingPartnerId, sealed, now);
        }
        // a new consent: SP-API calls from now on get their access tokens from the new refresh token
        accessTokens.drop(realm, region);
        String check;
        try {
            List<String> marketplaces =
                    client.marketplaceParticipations(amazonSettings.spApi(region), tokens.accessToken());
            authorization.checked(marketplaces, now);
            platform.failed(null, now);
            check = "Verbindung geprüft: " + String.join(", ", marketplaces) + ".";
        } catch (AmazonCallException e) {
            platform.failed(
                    "Angemeldet, aber die Verbindung ist nicht geprüft: "
                            + AmazonErrors.describe(e.code(), e.description()),
                    now);
            check = "Verbindung nicht geprüft.";
        }
        events.record(
                realm,
                EventType.PLATFORM_AUTHENTICATED,
                null,
                null,
                "Amazon platform '" + platform.getName() + "' authenticated for region " + region.germanName()
                        + " (selling partner " + sellingPartnerId + "). " + check);
        LOG.infof("ERPC0070: Amazon authorization of realm %s, region %s stored", realm, region);
        return new CallbackOutcome(true, check);
    }

    private CallbackOutcome refuse(CloudPlatform platform, String message) {
        platform.failed(message, Instant.now());
        events.record(
                platform.getRealm(),
                EventType.PLATFORM_AUTHENTICATION_FAILED,
                null,
                null,
                "Amazon login of platform '" + platform.getName() + "' failed: " + message);
        return new CallbackOutcome(false, message);
    }

    // --- access tokens for SP-API calls ------------------------------------------------------

    /** A one-hour SP-API access token of the realm's region, from the cache or a refresh at Login with Amazon. */
    private String accessToken(RealmId realm, SellingRegion region) {
        Instant now = Instant.now();
        Optional<String> cached = accessTokens.find(realm, region, now);
        if (cached.isPresent()) {
            return cached.get();
        }
        AmazonAuthorization authorization = amazon.findAuthorization(realm, region)
                .orElseThrow(() -> new AmazonCallException("not_authorized", "The region is not authorized."));
        LwaClient lwa = amazon.findLwaClient()
                .orElseThrow(() -> new AmazonCallException("invalid_client", "No LWA client is configured."));
        String refresh = new String(
                cipher.decrypt(authorization.getRefreshTokenEncrypted(), refreshContext(realm, region)),
                StandardCharsets.UTF_8);
        AmazonClient.LwaTokens tokens =
                client.refresh(amazonSettings.lwaTokenUrl(), refresh, lwa.getClientId(), lwaSecret(lwa));
        accessTokens.keep(realm, region, tokens.accessToken(), tokens.expiresInSeconds(), now);
        return tokens.accessToken();
    }

    // --- the vendor ----------------------------------------------------------------------------

    /** The cloud's LWA client id and secret (the secret every 180 days); the secret is never shown again. */
    @RolesAllowed(CloudCaller.VENDOR_ROLE)
    public LwaClientView setLwaClient(String clientId, String clientSecret) {
        if (clientSecret == null || clientSecret.isBlank() || clientSecret.length() > 512) {
            throw new InvalidInputException(
                    "clientSecret", "The LWA client secret is required (at most 512 characters).");
        }
        Instant now = Instant.now();
        String actor = session.getCallerPrincipal().getName();
        byte[] sealed = cipher.encrypt(clientSecret.strip().getBytes(StandardCharsets.UTF_8), LWA_CONTEXT);
        LwaClient lwa = amazon.findLwaClient().orElse(null);
        if (lwa == null) {
            lwa = new LwaClient(clientId, sealed, actor, now);
            amazon.addLwaClient(lwa);
        } else {
            lwa.replace(clientId, sealed, actor, now);
        }
        events.record(
                FirstAdmin.VENDOR_REALM,
                EventType.AMAZON_LWA_CLIENT_SET,
                actor,
                null,
                "Login with Amazon client " + lwa.getClientId() + " stored with a new secret; rotate it by "
                        + lwa.rotateBy() + ".");
        return view(lwa, now);
    }

    @RolesAllowed(CloudCaller.VENDOR_ROLE)
    public Optional<LwaClientView> lwaClient() {
        Instant now = Instant.now();
        return amazon.findLwaClient().map(l -> view(l, now));
    }

    /**
     * Daily reminders in the event log: a seller's re-authorization due within 30 days (in the
     * realm), the LWA client secret's rotation due within 90 days (in the vendor realm).
     */
    @Schedule(hour = "6", minute = "23", persistent = false)
    @PermitAll
    public void remind() {
        if (!settings.cloudRole()) {
            return;
        }
        Instant now = Instant.now();
        for (AmazonAuthorization a : amazon.authorizations()) {
            if (now.plus(REAUTHORIZATION_WARNING).isAfter(a.reauthorizeBy())) {
                events.record(
                        a.getRealm(),
                        EventType.AMAZON_REMINDER,
                        null,
                        null,
                        "The Amazon authorization of region "
                                + a.getSellingRegion().germanName() + " expires on " + a.reauthorizeBy()
                                + " (365 days): renew it with AKTUALISIEREN.");
            }
        }
        amazon.findLwaClient()
                .filter(l -> now.plus(ROTATION_WARNING).isAfter(l.rotateBy()))
                .ifPresent(l -> events.record(
                        FirstAdmin.VENDOR_REALM,
                        EventType.AMAZON_REMINDER,
                        null,
                        null,
                        "The Login with Amazon client secret must be rotated by " + l.rotateBy()
                                + " (every 180 days): enter the new one at /cloud/api/vendor/amazon/lwa-client."));
    }

    // --------------------------------------------------------------------------------------------

    private static final String LWA_CONTEXT = "amazon-lwa-client-secret";

    private static String refreshContext(RealmId realm, SellingRegion region) {
        return "amazon-refresh-token:" + realm.value() + ":" + region.name();
    }

    private String lwaSecret(LwaClient lwa) {
        return new String(cipher.decrypt(lwa.getClientSecretEncrypted(), LWA_CONTEXT), StandardCharsets.UTF_8);
    }

    private LwaClientView view(LwaClient l, Instant now) {
        return new LwaClientView(
                l.getClientId(),
                l.getSetAt(),
                l.getSetBy(),
                l.rotateBy(),
                now.plus(ROTATION_WARNING).isAfter(l.rotateBy()));
    }

    /**
     * Seller Central's consent URL: {@code {Seller Central}/apps/authorize/consent?application_id=…&state=…}
     * (+ {@code version=beta} for a draft application); the state is remembered until used.
     */
    private String consentUrl(CloudPlatform platform) {
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

    private PlatformState state(CloudPlatform p, String consentUrl) {
        Optional<AmazonAuthorization> a = amazon.findAuthorization(p.getRealm(), p.getSellingRegion());
        return new PlatformState(
                p.getId(),
                p.getName(),
                p.getCountry().name(),
                p.getSellingRegion().name(),
                a.isPresent() ? "AUTHENTICATED" : "NOT_AUTHENTICATED",
                a.map(AmazonAuthorization::getSellingPartnerId).orElse(null),
                a.map(AmazonAuthorization::getAuthorizedAt).orElse(null),
                a.map(AmazonAuthorization::reauthorizeBy).orElse(null),
                a.map(AmazonAuthorization::getMarketplaces)
                        .filter(m -> !m.isEmpty())
                        .map(m -> Arrays.asList(m.split(", ")))
                        .orElse(List.of()),
                a.map(AmazonAuthorization::getCheckedAt).orElse(null),
                p.getLastError(),
                consentUrl);
    }
}
