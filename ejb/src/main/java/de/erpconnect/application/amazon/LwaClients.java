package de.erpconnect.application.amazon;

import de.erpconnect.application.amazon.AmazonViews.LwaClientView;
import de.erpconnect.application.cloud.CloudCaller;
import de.erpconnect.application.event.EventLog;
import de.erpconnect.application.user.FirstAdmin;
import de.erpconnect.domain.amazon.AmazonRepository;
import de.erpconnect.domain.amazon.LwaClient;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.domain.shared.InvalidInputException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The vendor's Login with Amazon client (DESIGN §9): its id and secret, the secret encrypted at
 * rest and never shown again, to be rotated every 180 days.
 */
@Stateless
public class LwaClients {

    static final Duration ROTATION_WARNING = Duration.ofDays(90);

    @Inject
    AmazonRepository amazon;

    @Inject
    AmazonSecrets secrets;

    @Inject
    EventLog events;

    @Resource
    SessionContext session;

    /** The cloud's LWA client id and secret (the secret every 180 days); the secret is never shown again. */
    @RolesAllowed(CloudCaller.VENDOR_ROLE)
    public LwaClientView setLwaClient(String clientId, String clientSecret) {
        if (clientSecret == null || clientSecret.isBlank() || clientSecret.length() > 512) {
            throw new InvalidInputException(
                    "clientSecret", "The LWA client secret is required (at most 512 characters).");
        }
        Instant now = Instant.now();
        String actor = session.getCallerPrincipal().getName();
        byte[] sealed = secrets.sealLwaSecret(clientSecret.strip());
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

    private LwaClientView view(LwaClient l, Instant now) {
        return new LwaClientView(
                l.getClientId(),
                l.getSetAt(),
                l.getSetBy(),
                l.rotateBy(),
                now.plus(ROTATION_WARNING).isAfter(l.rotateBy()));
    }
}
