package de.erpconnect.domain.token;

import de.erpconnect.domain.shared.RealmId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Signing keys of all realms. */
public interface SigningKeyRepository {

    /** The newest active key of the realm. */
    Optional<SigningKey> findActive(RealmId realm);

    Optional<SigningKey> findByKid(String kid);

    /** Keys that may still verify tokens: active, or retired after {@code retiredAfter}. */
    List<SigningKey> findVerifying(RealmId realm, Instant retiredAfter);

    void add(SigningKey key);
}
