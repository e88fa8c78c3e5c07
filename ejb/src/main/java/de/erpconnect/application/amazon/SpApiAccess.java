package de.erpconnect.application.amazon;

import de.erpconnect.common.AmazonSettings;
import de.erpconnect.domain.amazon.AmazonAuthorization;
import de.erpconnect.domain.amazon.AmazonRepository;
import de.erpconnect.domain.amazon.LwaClient;
import de.erpconnect.domain.amazon.SellingRegion;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.infrastructure.http.AmazonClient;
import de.erpconnect.infrastructure.http.AmazonClient.AmazonCallException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * Access tokens for SP-API calls of a realm's selling region: one hour each, cached, made on demand
 * at Login with Amazon from the seller's refresh token.
 */
@ApplicationScoped
public class SpApiAccess {

    @Inject
    AmazonRepository amazon;

    @Inject
    AmazonClient client;

    @Inject
    AmazonSettings amazonSettings;

    @Inject
    AmazonAccessTokens accessTokens;

    @Inject
    AmazonSecrets secrets;

    /** A one-hour SP-API access token of the realm's region, from the cache or a refresh at Login with Amazon. */
    String accessToken(RealmId realm, SellingRegion region) {
        Instant now = Instant.now();
        Optional<String> cached = accessTokens.find(realm, region, now);
        if (cached.isPresent()) {
            return cached.get();
        }
        AmazonAuthorization authorization = amazon.findAuthorization(realm, region)
                .orElseThrow(() -> new AmazonCallException("not_authorized", "The region is not authorized."));
        LwaClient lwa = amazon.findLwaClient()
                .orElseThrow(() -> new AmazonCallException("invalid_client", "No LWA client is configured."));
        String refresh = secrets.refreshToken(authorization);
        AmazonClient.LwaTokens tokens =
                client.refresh(amazonSettings.lwaTokenUrl(), refresh, lwa.getClientId(), secrets.lwaSecret(lwa));
        accessTokens.keep(realm, region, tokens.accessToken(), tokens.expiresInSeconds(), now);
        return tokens.accessToken();
    }
}
