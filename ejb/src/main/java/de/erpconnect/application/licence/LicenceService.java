package de.erpconnect.application.licence;

import de.erpconnect.application.event.EventLog;
import de.erpconnect.common.Release;
import de.erpconnect.common.Settings;
import de.erpconnect.common.VendorTrust;
import de.erpconnect.domain.client.Scope;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.domain.licence.Activation;
import de.erpconnect.domain.licence.ActivationKey;
import de.erpconnect.domain.licence.ActivationKeyCodec;
import de.erpconnect.domain.licence.ActivationPolicy;
import de.erpconnect.domain.licence.ActivationRejectedException;
import de.erpconnect.domain.licence.Installation;
import de.erpconnect.domain.licence.KeyKind;
import de.erpconnect.domain.licence.LicenceRepository;
import de.erpconnect.domain.licence.LicenceState;
import de.erpconnect.domain.licence.PartnerApp;
import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.shared.NotFoundException;
import de.erpconnect.domain.shared.RealmId;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * "HILFE → LIZENZ → AKTIVIERUNGEN" (admins only): the licence in effect, activating keys typed or
 * pasted by the admin, deactivating them, and the partner apps of the catalogue. Rejections are
 * logged with who and when, never with the key.
 */
@Stateless
@RolesAllowed("admin")
public class LicenceService {

    static final int KEY_TEXT_MAX = 400;

    @Inject
    LicenceRepository licences;

    @Inject
    LicenceDirectory directory;

    @Inject
    VendorTrust vendor;

    @Inject
    Event<PartnerAppWithdrawn> partnerAppWithdrawn;

    @Inject
    Settings settings;

    @Inject
    EventLog events;

    @Resource
    SessionContext session;

    public LicenceView licence() {
        return LicenceView.of(directory.current(), Release.build(), Release.version());
    }

    public LicenceView.ActivationView activate(String keyText) {
        if (keyText == null || keyText.isBlank()) {
            throw new InvalidInputException("key", "key (the activation key) is required.");
        }
        if (keyText.length() > KEY_TEXT_MAX) {
            throw new InvalidInputException("key", "An activation key is at most " + KEY_TEXT_MAX + " characters.");
        }
        Instant now = Instant.now();
        LicenceState state = directory.current();
        ActivationKey key;
        try {
            key = ActivationPolicy.check(
                    keyText,
                    vendor.vendorKey(),
                    state,
                    Release.build(),
                    now.atZone(LicenceState.ZONE).toLocalDate(),
                    vendor.catalogue(),
                    keyId -> licences.findByKeyId(RealmId.ERP, keyId));
        } catch (ActivationRejectedException e) {
            events.recordIndependently(
                    RealmId.ERP,
                    EventType.ACTIVATION_REJECTED,
                    actor(),
                    null,
                    "Activation key " + safeFingerprint(keyText) + " rejected: " + e.getMessage());
            throw e;
        }
        Installation installation = licences.findInstallation(RealmId.ERP).orElseThrow();
        installation.assignCustomerNumber(key.customerNumberText());
        String fingerprint = ActivationKeyCodec.fingerprint(keyText);
        Activation activation = licences.findByKeyId(RealmId.ERP, key.keyId()).orElse(null);
        if (activation == null) {
            activation = new Activation(RealmId.ERP, key, fingerprint, actor(), now);
            licences.add(activation);
        } else {
            activation.reactivate(actor(), now);
        }
        directory.invalidate();
        PartnerApp app = partnerApp(activation);
        events.record(
                RealmId.ERP,
                EventType.ACTIVATION_ADDED,
                actor(),
                null,
                "Activation key " + fingerprint + " activated: " + describe(activation, app) + ", valid until "
                        + key.validUntil() + ".");
        return LicenceView.ActivationView.of(activation, app);
    }

    public List<LicenceView.ActivationView> activations() {
        return licences.activations(RealmId.ERP).stream()
                .map(a -> LicenceView.ActivationView.of(a, partnerApp(a)))
                .toList();
    }

    public LicenceView.ActivationView activation(long id) {
        Activation a = licences.getActivation(RealmId.ERP, id);
        return LicenceView.ActivationView.of(a, partnerApp(a));
    }

    /**
     * Deactivates an activation. For a partner app this also deactivates its applications, so that
     * they get no more tokens and their tokens stop working at once.
     */
    public void deactivate(long id) {
        Activation activation = licences.getActivation(RealmId.ERP, id);
        Instant now = Instant.now();
        activation.deactivate(now);
        PartnerApp app = partnerApp(activation);
        int stopped = 0;
        if (app != null) {
            PartnerAppWithdrawn withdrawn = new PartnerAppWithdrawn(app.code(), now);
            partnerAppWithdrawn.fire(withdrawn);
            stopped = withdrawn.applicationsStopped();
        }
        directory.invalidate();
        events.record(
                RealmId.ERP,
                EventType.ACTIVATION_DEACTIVATED,
                actor(),
                null,
                "Activation " + activation.getFingerprint() + " (" + describe(activation, app) + ") deactivated"
                        + (app == null ? "." : "; " + stopped + " application(s) deactivated."));
    }

    public List<LicenceView.PartnerAppView> partnerApps() {
        LicenceState state = directory.current();
        return vendor.catalogue().all().stream()
                .map(p -> new LicenceView.PartnerAppView(
                        p.id(),
                        p.code(),
                        p.vendor(),
                        p.name(),
                        p.displayName(),
                        p.scopes().stream().sorted().map(Scope::wireName).toList(),
                        state.partnerAppUnlocked(p)))
                .toList();
    }

    /** The "Anwendungsart" choices: activated partner apps, and "Eigene Anwendung" on Enterprise. */
    public List<LicenceView.ApplicationKindView> applicationKinds() {
        LicenceState state = directory.current();
        List<LicenceView.ApplicationKindView> kinds = new ArrayList<>();
        if (state.edition().allowsOwnApplications()) {
            kinds.add(new LicenceView.ApplicationKindView(
                    "OWN", "Eigene Anwendung", false, List.of("graphql", "graphql.write", "offline_access", "admin")));
        }
        for (PartnerApp p : vendor.catalogue().all()) {
            if (state.partnerAppUnlocked(p)) {
                kinds.add(new LicenceView.ApplicationKindView(
                        p.code(),
                        p.displayName(),
                        true,
                        p.scopes().stream().sorted().map(Scope::wireName).toList()));
            }
        }
        return kinds;
    }

    /**
     * Test-only: forgets every activation and the customer number and starts a fresh evaluation.
     * Exists only when the server runs in dev mode with {@code erpconnect.licence.test-reset=true}.
     */
    public LicenceView resetForTests() {
        if (!settings.licenceTestResetEnabled()) {
            throw new ResetUnavailableException();
        }
        licences.removeActivations(RealmId.ERP);
        licences.findInstallation(RealmId.ERP).orElseThrow().reset(settings.isDev(), Instant.now());
        directory.invalidate();
        events.record(RealmId.ERP, EventType.LICENCE_RESET, actor(), null, "Licence reset for tests.");
        return LicenceView.of(
                LicenceState.of(licences.findInstallation(RealmId.ERP).orElseThrow(), List.of(), Instant.now()),
                Release.build(),
                Release.version());
    }

    /** The reset does not exist outside test servers. */
    public static class ResetUnavailableException extends NotFoundException {
        private static final long serialVersionUID = 1L;

        ResetUnavailableException() {
            super("There is no such resource.");
        }
    }

    private PartnerApp partnerApp(Activation a) {
        return a.getKind() == KeyKind.PARTNER_APP
                ? vendor.catalogue().byId(a.getPartnerAppId()).orElse(null)
                : null;
    }

    private static String describe(Activation a, PartnerApp app) {
        return a.getKind() == KeyKind.PRODUCT
                ? "product key " + a.getEdition() + " for customer " + a.getCustomerNumber()
                : "partner app " + (app == null ? String.valueOf(a.getPartnerAppId()) : app.name());
    }

    private static String safeFingerprint(String text) {
        try {
            return ActivationKeyCodec.fingerprint(text);
        } catch (RuntimeException e) {
            return "(unreadable)";
        }
    }

    private String actor() {
        return session.getCallerPrincipal().getName();
    }
}
