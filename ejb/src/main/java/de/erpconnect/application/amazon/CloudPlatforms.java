package de.erpconnect.application.amazon;

import de.erpconnect.application.amazon.AmazonViews.PlatformState;
import de.erpconnect.application.cloud.CloudCaller;
import de.erpconnect.application.event.EventLog;
import de.erpconnect.common.AmazonSettings;
import de.erpconnect.domain.amazon.AmazonAuthorization;
import de.erpconnect.domain.amazon.AmazonCountry;
import de.erpconnect.domain.amazon.AmazonErrors;
import de.erpconnect.domain.amazon.AmazonRepository;
import de.erpconnect.domain.amazon.CloudPlatform;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.infrastructure.http.AmazonClient;
import de.erpconnect.infrastructure.http.AmazonClient.AmazonCallException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The platforms of a realm in the cloud (DESIGN §9), for the ERP installation's calls with a realm
 * token: "ANMELDEN" registers one (its Bezeichnung unique in the realm) and answers Seller Central's
 * consent URL, "AKTUALISIEREN" a new one, "Verbindung prüfen" one SP-API call, deletion removes
 * the seller's authorization with the region's last platform.
 *
 * <p>The caller is handed in by the resource, from the request's authenticated principal: on
 * WildFly 39 an EJB called from {@code /cloud/api/*} saw the role but the name {@code anonymous}
 * through {@code getCallerPrincipal()} (the role checks still hold here).
 */
@Stateless
public class CloudPlatforms {

    @Inject
    AmazonRepository amazon;

    @Inject
    AmazonClient client;

    @Inject
    AmazonSettings amazonSettings;

    @Inject
    AmazonConsent consents;

    @Inject
    SpApiAccess spApi;

    @Inject
    AmazonAccessTokens accessTokens;

    @Inject
    EventLog events;

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
        return state(platform, shared ? null : consents.consentUrl(platform));
    }

    /** "AKTUALISIEREN" (or a retry): a new consent URL for the platform. */
    @RolesAllowed(CloudCaller.CLIENT_ROLE)
    public PlatformState consent(CloudCaller caller, long id) {
        CloudPlatform platform = amazon.getPlatform(caller.realm(), id);
        return state(platform, consents.consentUrl(platform));
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
                    amazonSettings.spApi(platform.getSellingRegion()),
                    spApi.accessToken(realm, platform.getSellingRegion()));
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
