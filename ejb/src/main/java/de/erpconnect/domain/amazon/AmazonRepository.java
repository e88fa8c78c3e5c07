package de.erpconnect.domain.amazon;

import de.erpconnect.domain.shared.RealmId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The cloud's platforms, regional authorizations, consent states and LWA client. */
public interface AmazonRepository {

    /** Stores a platform; a Bezeichnung taken in the realm breaks the unique rule. */
    void addPlatform(CloudPlatform platform);

    Optional<CloudPlatform> findPlatform(RealmId realm, long id);

    default CloudPlatform getPlatform(RealmId realm, long id) {
        return findPlatform(realm, id).orElseThrow(() -> new CloudPlatformNotFoundException(id));
    }

    List<CloudPlatform> platforms(RealmId realm);

    long countPlatforms(RealmId realm, SellingRegion region);

    void removePlatform(CloudPlatform platform);

    Optional<AmazonAuthorization> findAuthorization(RealmId realm, SellingRegion region);

    void addAuthorization(AmazonAuthorization authorization);

    void removeAuthorization(AmazonAuthorization authorization);

    List<AmazonAuthorization> authorizations();

    /** Remembers a consent's {@code state} (its JWT id) until it is used or expires. */
    void addState(String jwtId, long platformId, Instant expiresAt);

    /** Spends a {@code state}: true for exactly one caller while it is unused and unexpired. */
    boolean useState(String jwtId, long platformId, Instant now);

    Optional<LwaClient> findLwaClient();

    void addLwaClient(LwaClient client);
}
