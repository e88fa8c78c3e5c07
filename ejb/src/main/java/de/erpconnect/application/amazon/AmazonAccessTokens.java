package de.erpconnect.application.amazon;

import de.erpconnect.domain.amazon.SellingRegion;
import de.erpconnect.domain.shared.RealmId;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SP-API access tokens (one hour) per realm and selling region, kept until a minute before they
 * expire; a new consent or a deleted authorization drops the region's token.
 */
@ApplicationScoped
public class AmazonAccessTokens {

    static final long MARGIN_SECONDS = 60;

    private record Key(RealmId realm, SellingRegion region) {}

    private record Cached(String token, Instant expiresAt) {}

    private final Map<Key, Cached> tokens = new ConcurrentHashMap<>();

    Optional<String> find(RealmId realm, SellingRegion region, Instant now) {
        Cached cached = tokens.get(new Key(realm, region));
        return cached != null && now.isBefore(cached.expiresAt()) ? Optional.of(cached.token()) : Optional.empty();
    }

    void keep(RealmId realm, SellingRegion region, String token, long expiresInSeconds, Instant now) {
        tokens.put(
                new Key(realm, region),
                new Cached(token, now.plusSeconds(Math.max(0, expiresInSeconds - MARGIN_SECONDS))));
    }

    void drop(RealmId realm, SellingRegion region) {
        tokens.remove(new Key(realm, region));
    }
}
