package de.erpconnect.application.platform;

import de.erpconnect.application.credential.AccessCredentialService;
import de.erpconnect.application.event.EventLog;
import de.erpconnect.application.shared.Commands;
import de.erpconnect.application.shared.Page;
import de.erpconnect.application.shared.PageRequest;
import de.erpconnect.domain.amazon.AmazonCountry;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.domain.platform.PlatformProfile;
import de.erpconnect.domain.platform.PlatformRepository;
import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.infrastructure.http.CloudApiClient;
import de.erpconnect.infrastructure.http.CloudApiClient.CloudCallException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * "E-COMMERCE → PLATTFORMEN" (DESIGN §9): the platform profiles of type Amazon (Bezeichnung,
 * region, flags); their link through the vendor cloud is {@link PlatformLogin}'s. Deleting a
 * registered platform deletes it in the cloud first; if the cloud cannot be reached nothing is
 * deleted.
 */
@Stateless
@RolesAllowed("admin")
public class PlatformService {

    static final Duration REAUTHORIZATION_WARNING = Duration.ofDays(30);

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
     * Deletes a profile, in the cloud first: a cloud that cannot be reached leaves everything as it
     * was (a clear 503; try again). A platform the cloud no longer knows is deleted here only.
     */
    public void delete(long id) {
        PlatformProfile profile = platforms.getById(RealmId.ERP, id);
        if (profile.isRegistered()) {
            try {
                cloud.delete(credentials.cloudAccess(), PlatformLogin.PLATFORMS + "/" + profile.getCloudPlatformId());
            } catch (CloudCallException e) {
                if (e.status() != 404) {
                    throw PlatformLogin.unavailable(e);
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

    private static void requireAmazon(String type) {
        if (type != null && !PlatformProfile.TYPE_AMAZON.equals(type)) {
            throw new InvalidInputException("type", "The only platform type is AMAZON.");
        }
    }

    private String actor() {
        return session.getCallerPrincipal().getName();
    }
}
