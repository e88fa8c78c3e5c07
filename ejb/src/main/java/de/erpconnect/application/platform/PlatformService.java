package de.erpconnect.application.platform;

import de.erpconnect.application.credential.AccessCredentialService;
import de.erpconnect.application.event.EventLog;
import de.erpconnect.application.shared.Commands;
import de.erpconnect.application.shared.Page;
import de.erpconnect.application.shared.PageRequest;
import de.erpconnect.common.Jsonp;
import de.erpconnect.domain.amazon.AmazonCountry;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * "E-COMMERCE → PLATTFORMEN" (DESIGN §9): platform profiles of type Amazon and their link through
 * the vendor cloud. ANMELDEN registers the platform in the installation's cloud realm (authenticated
 * with the active "microtech Cloud" access credentials) and returns Seller Central's consent URL;
 * the login status is then read from the cloud until it is "Authentifiziert". Deleting a registered
 * platform deletes it in the cloud first; if the cloud cannot be reached nothing is deleted.
 */
@Stateless
@RolesAllowed("admin")
public class PlatformService {

    static final Duration REAUTHORIZATION_WARNING = Duration.ofDays(30);
    static final String PLATFORMS = "/platforms";

    @Inject
    PlatformRepository platforms;

    @Inject
    AccessCredentialService credentials;

    @Inject
    CloudApiClient cloud;

    @Inject
    Commands commands;

    @Inject
    EventLog events;

    @Resource
    SessionContext session;

    public PlatformView create(PlatformCommand command) {
        commands.validated(command);
        if (command.name() == null) {
            throw new InvalidInputException("name", "name (Bezeichnung) is required.");
        }
        if (command.country() == null) {
            throw new InvalidInputException("country", "country (Region) is required, e.g. DE.");
        }
        requireAmazon(command.type());
        Instant now = Instant.now();
        PlatformProfile profile = new PlatformProfile(
                RealmId.ERP,
                new PlatformProfile.Settings(
                        command.name(),
                        command.useCloud() == null || command.useCloud(),
                        command.active() == null || command.active(),
                        AmazonCountry.parse(command.country()),
                        command.transactionKind(),
                        command.shippingPayment(),
                        command.paymentMethod(),
                        command.shippingMethod()),
                now);
        platforms.add(profile);
        events.record(
                RealmId.ERP,
                EventType.PLATFORM_CREATED,
                actor(),
                null,
                "Platform profile '" + profile.getName() + "' (Amazon " + profile.getCountry() + ") created.");
        return PlatformView.of(profile, null, now);
    }

    public PlatformView update(long id, PlatformCommand command) {
        commands.validated(command);
        requireAmazon(command.type());
        PlatformProfile profile = platforms.getById(RealmId.ERP, id);
        Instant now = Instant.now();
        profile.apply(
                new PlatformProfile.Settings(
                        command.name() != null ? command.name() : profile.getName(),
                        command.useCloud() != null ? command.useCloud() : profile.isUseCloud(),
                        command.active() != null ? command.active() : profile.isActive(),
                        command.country() != null ? AmazonCountry.parse(command.country()) : profile.getCountry(),
                        command.transactionKind() != null ? command.transactionKind() : profile.getTransactionKind(),
                        command.shippingPayment() != null ? command.shippingPayment() : profile.getShippingPayment(),
                        command.paymentMethod() != null ? command.paymentMethod() : profile.getPaymentMethod(),
                        command.shippingMethod() != null ? command.shippingMethod() : profile.getShippingMethod()),
                now);
        platforms.flush(profile);
        events.record(
                RealmId.ERP,
                EventType.PLATFORM_UPDATED,
                actor(),
                null,
                "Platform profile '" + profile.getName() + "' changed.");
        return PlatformView.of(profile, null, now);
    }

    public PlatformView get(long id) {
        return PlatformView.of(platforms.getById(RealmId.ERP, id), null, Instant.now());
    }

    public Page<PlatformView> list(String query, PageRequest page) {
        String q = query == null ? "" : query.strip();
        Instant now = Instant.now();
        return new Page<>(
                platforms.search(RealmId.ERP, q, page.offset(), page.size()).stream()
                        .map(p -> PlatformView.of(p, null, now))
                        .toList(),
                platforms.count(RealmId.ERP, q));
    }

    /** The "Region" choices: every marketplace with its selling region. */
    public List<PlatformView.Region> regions() {
        return Arrays.stream(AmazonCountry.values())
                .map(c -> new PlatformView.Region(
                        c.name(), c.germanName(), c.region().name(), c.region().germanName()))
                .toList();
    }

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

    /**
     * Deletes a profile, in the cloud first: a cloud that cannot be reached leaves everything as it
     * was (a clear 503; try again). A platform the cloud no longer knows is deleted here only.
     */
    public void delete(long id) {
        PlatformProfile profile = platforms.getById(RealmId.ERP, id);
        if (profile.isRegistered()) {
            try {
                cloud.delete(credentials.cloudAccess(), PLATFORMS + "/" + profile.getCloudPlatformId());
            } catch (CloudCallException e) {
                if (e.status() != 404) {
                    throw unavailable(e);
                }
            }
        }
        platforms.remove(profile);
        events.record(
                RealmId.ERP,
                EventType.PLATFORM_DELETED,
                actor(),
                null,
                "Platform profile '" + profile.getName() + "' deleted"
                        + (profile.isRegistered() ? ", also in the microtech Cloud." : "."));
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

    private static CloudUnavailableException unavailable(CloudCallException e) {
        return new CloudUnavailableException(
                e.status() == 0
                        ? e.getMessage()
                        : "The microtech Cloud refused the request (HTTP " + e.status() + "): " + e.getMessage());
    }

    private static void requireAmazon(String type) {
        if (type != null && !PlatformProfile.TYPE_AMAZON.equals(type)) {
            throw new InvalidInputException("type", "The only platform type is AMAZON.");
        }
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
