package de.erpconnect.application.amazon;

import de.erpconnect.application.amazon.AmazonConsent.ConsentState;
import de.erpconnect.application.amazon.AmazonViews.CallbackOutcome;
import de.erpconnect.application.event.EventLog;
import de.erpconnect.common.AmazonSettings;
import de.erpconnect.domain.amazon.AmazonAuthorization;
import de.erpconnect.domain.amazon.AmazonErrors;
import de.erpconnect.domain.amazon.AmazonRepository;
import de.erpconnect.domain.amazon.CloudPlatform;
import de.erpconnect.domain.amazon.LwaClient;
import de.erpconnect.domain.amazon.SellingRegion;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.infrastructure.http.AmazonClient;
import de.erpconnect.infrastructure.http.AmazonClient.AmazonCallException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Amazon's redirect after the seller's consent (DESIGN §9): checks and spends the {@code state}
 * ({@link AmazonConsent}), exchanges the code at Login with Amazon within its five minutes, keeps
 * the refresh token encrypted for the platform's selling region and proves it with one SP-API call.
 * A refusal is kept on the platform and in the event log, and the state is spent either way.
 */
@Stateless
@PermitAll
public class AmazonCallback {

    private static final Logger LOG = Logger.getLogger(AmazonCallback.class);

    @Inject
    AmazonRepository amazon;

    @Inject
    AmazonClient client;

    @Inject
    AmazonSettings amazonSettings;

    @Inject
    AmazonConsent consents;

    @Inject
    AmazonSecrets secrets;

    @Inject
    AmazonAccessTokens accessTokens;

    @Inject
    EventLog events;

    public CallbackOutcome callback(
            String state, String sellingPartnerId, String code, String error, String errorDescription) {
        Instant now = Instant.now();
        Optional<ConsentState> consent = consents.check(state, now);
        if (consent.isEmpty()) {
            LOG.infof("ERPC0071: Amazon callback refused: the state is missing, forged or expired");
            return new CallbackOutcome(
                    CallbackOutcome.Result.INVALID,
                    "Der Rücksprung von Amazon enthält keinen gültigen Anmeldevorgang (state fehlt, ist gefälscht"
                            + " oder abgelaufen). Bitte starten Sie die Anmeldung in büro+ erneut (ANMELDEN bzw."
                            + " AKTUALISIEREN).");
        }
        RealmId realm = consent.get().realm();
        long platformId = consent.get().platformId();
        String stateId = consent.get().stateId();
        Optional<CloudPlatform> found = amazon.findPlatform(realm, platformId);
        if (found.isEmpty()) {
            return new CallbackOutcome(
                    CallbackOutcome.Result.REFUSED, "Die Plattform dieser Anmeldung gibt es nicht mehr.");
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
                    secrets.lwaSecret(lwa));
        } catch (AmazonCallException e) {
            return refuse(platform, AmazonErrors.describe(e.code(), e.description()));
        }
        SellingRegion region = platform.getSellingRegion();
        byte[] sealed = secrets.sealRefreshToken(realm, region, tokens.refreshToken());
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
        return new CallbackOutcome(CallbackOutcome.Result.AUTHENTICATED, check);
    }

    private CallbackOutcome refuse(CloudPlatform platform, String message) {
        platform.failed(message, Instant.now());
        events.record(
                platform.getRealm(),
                EventType.PLATFORM_AUTHENTICATION_FAILED,
                null,
                null,
                "Amazon login of platform '" + platform.getName() + "' failed: " + message);
        return new CallbackOutcome(CallbackOutcome.Result.REFUSED, message);
    }
}
