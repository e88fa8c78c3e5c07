package de.erpconnect.application.platform;

import de.erpconnect.application.credential.AccessCredentialService;
import de.erpconnect.application.event.EventLog;
import de.erpconnect.common.Jsonp;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.domain.platform.CloudUnavailableException;
import de.erpconnect.domain.platform.PlatformProfile;
import de.erpconnect.domain.platform.PlatformProfileNameTakenException;
import de.erpconnect.domain.platform.PlatformRepository;
import de.erpconnect.domain.platform.PlatformStatus;
import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.infrastructure.http.CloudApiClient;
import de.erpconnect.infrastructure.http.CloudApiClient.CloudCallException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * The link of a platform profile through the vendor cloud (DESIGN §9): "ANMELDEN" registers it in
 * the installation's cloud realm (authenticated with the active "microtech Cloud" access
 * credentials) and returns Seller Central's consent URL, "AKTUALISIEREN" asks for a new consent, the
 * login status is read from the cloud until it is "Authentifiziert", and "Verbindung prüfen" has the
 * cloud make one SP-API call.
 */
@Stateless
@RolesAllowed("admin")
public class PlatformLogin {

    static final String PLATFORMS = "/platforms";

    @Inject
    PlatformRepository platforms;

    @Inject
    AccessCredentialService credentials;

    @Inject
    CloudApiClient cloud;

    @Inject
    EventLog events;

    @Resource
    SessionContext session;

    /**
     * "ANMELDEN": registers the platform in the cloud (once; the Bezeichnung must be free in the
     * cloud account) and returns the consent URL the page opens in a new tab. On a registered
     * platform it is "AKTUALISIEREN".
     */
    public PlatformView signIn(long id) {
        PlatformProfile profile = platforms.getById(RealmId.ERP, id);
        if (profile.isRegistered()) {
            return renewConsent(id);
        }
        if (!profile.isUseCloud()) {
            throw new InvalidInputException(
                    "useCloud", "Tick \"microtech Cloud verwenden\" first: Amazon is connected through the cloud.");
        }
        CloudApiClient.Access access = credentials.cloudAccess();
        JsonObject body = Jsonp.JSON
                .createObjectBuilder()
                .add("name", profile.getName())
                .add("country", profile.getCountry().name())
                .build();
        JsonObject answer;
        try {
            answer = cloud.post(access, PLATFORMS, body);
        } catch (CloudCallException e) {
            if (e.status() == 409) {
                throw new PlatformProfileNameTakenException.InCloud(profile.getName());
            }
            throw unavailable(e);
        }
        Instant now = Instant.now();
        profile.registered(answer.getJsonNumber("id").longValue(), now);
        String consentUrl = text(answer, "consentUrl");
        if (consentUrl == null) {
            // the seller already authorized this selling region: the platform shares that authorization
            profile.sharesRegionAuthorization(now);
            apply(profile, answer, now);
        }
        events.record(
                RealmId.ERP,
                EventType.PLATFORM_REGISTERED,
                actor(),
                null,
                "Platform '" + profile.getName() + "' registered in the microtech Cloud; "
                        + (consentUrl == null
                                ? "it shares the Amazon authorization of region "
                                        + profile.getCountry().region().germanName() + "."
                                : "the Amazon consent is pending."));
        return PlatformView.of(profile, consentUrl, now);
    }

    /** "AKTUALISIEREN": a new consent at Seller Central for the existing authorization. */
    public PlatformView renewConsent(long id) {
        PlatformProfile profile = platforms.getById(RealmId.ERP, id);
        if (!profile.isRegistered()) {
            throw new InvalidInputException("status", "The platform is not registered in the cloud yet (ANMELDEN).");
        }
        JsonObject answer;
        try {
            answer = cloud.post(
                    credentials.cloudAccess(), PLATFORMS + "/" + profile.getCloudPlatformId() + "/consent", null);
        } catch (CloudCallException e) {
            throw unavailable(e);
        }
        Instant now = Instant.now();
        profile.consentRequested(now);
        events.record(
                RealmId.ERP,
                EventType.PLATFORM_REGISTERED,
                actor(),
                null,
                "Amazon consent of platform '" + profile.getName() + "' requested again (AKTUALISIEREN).");
        return PlatformView.of(profile, answer.getString("consentUrl"), now);
    }

    /** The login status from the cloud (the page asks while a consent is pending). */
    public PlatformView refresh(long id) {
        PlatformProfile profile = platforms.getById(RealmId.ERP, id);
        if (!profile.isRegistered()) {
            return PlatformView.of(profile, null, Instant.now());
        }
        JsonObject state;
        try {
            state = cloud.get(credentials.cloudAccess(), PLATFORMS + "/" + profile.getCloudPlatformId());
        } catch (CloudCallException e) {
            throw unavailable(e);
        }
        Instant now = Instant.now();
        PlatformStatus before = profile.getStatus();
        apply(profile, state, now);
        if (before == PlatformStatus.PENDING && profile.getLastMessage() != null) {
            events.record(
                    RealmId.ERP,
                    EventType.PLATFORM_AUTHENTICATION_FAILED,
                    null,
                    null,
                    "Amazon login of platform '" + profile.getName() + "' failed: " + profile.getLastMessage());
        } else if (before != profile.getStatus() && profile.getStatus() == PlatformStatus.AUTHENTICATED) {
            events.record(
                    RealmId.ERP,
                    EventType.PLATFORM_AUTHENTICATED,
                    null,
                    null,
                    "Platform '" + profile.getName() + "' is authenticated at Amazon"
                            + (profile.getMarketplaces() == null
                                    ? "."
                                    : "; Verbindung geprüft: " + profile.getMarketplaces() + "."));
        }
        return PlatformView.of(profile, null, now);
    }

    /** "Verbindung prüfen": the cloud makes one SP-API call for the platform; the status as it reports it. */
    public PlatformView check(long id) {
        PlatformProfile profile = platforms.getById(RealmId.ERP, id);
        if (!profile.isRegistered()) {
            throw new InvalidInputException("status", "The platform is not registered in the cloud yet (ANMELDEN).");
        }
        JsonObject state;
        try {
            state = cloud.post(
                    credentials.cloudAccess(), PLATFORMS + "/" + profile.getCloudPlatformId() + "/check", null);
        } catch (CloudCallException e) {
            throw unavailable(e);
        }
        Instant now = Instant.now();
        apply(profile, state, now);
        return PlatformView.of(profile, null, now);
    }

    /** The cloud's view of a platform onto the profile. */
    private static void apply(PlatformProfile profile, JsonObject state, Instant now) {
        profile.cloudState(
                "AUTHENTICATED".equals(state.getString("status", "")),
                text(state, "sellingPartnerId"),
                instant(state, "authorizedAt"),
                state.containsKey("marketplaces")
                                && state.get("marketplaces").getValueType() == JsonValue.ValueType.ARRAY
                        ? state.getJsonArray("marketplaces").getValuesAs(JsonString.class).stream()
                                .map(JsonString::getString)
                                .collect(Collectors.joining(", "))
                        : null,
                instant(state, "checkedAt"),
                text(state, "lastError"),
                now);
    }

    static CloudUnavailableException unavailable(CloudCallException e) {
        return new CloudUnavailableException(
                e.status() == 0
                        ? e.getMessage()
                        : "The microtech Cloud refused the request (HTTP " + e.status() + "): " + e.getMessage());
    }

    private static String text(JsonObject o, String name) {
        return o.get(name) instanceof JsonString s ? s.getString() : null;
    }

    private static Instant instant(JsonObject o, String name) {
        String value = text(o, name);
        return value == null ? null : Instant.parse(value);
    }

    private String actor() {
        return session.getCallerPrincipal().getName();
    }
}
