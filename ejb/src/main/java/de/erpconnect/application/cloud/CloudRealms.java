package de.erpconnect.application.cloud;

import de.erpconnect.domain.cloud.CloudRealm;
import de.erpconnect.domain.cloud.CloudRepository;
import de.erpconnect.domain.cloud.CustomerNumber;
import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.shared.RealmId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registered cloud realms by customer number, for the realm endpoints (token, JWKS, discovery)
 * that ask on every request. A realm is never removed, so a found one is kept (on every node alike);
 * an unknown number is asked again, since it may be registered any time.
 */
@ApplicationScoped
public class CloudRealms {

    @Inject
    CloudRepository cloud;

    private final Map<RealmId, Boolean> known = new ConcurrentHashMap<>();

    public Optional<RealmId> find(String customerNumber) {
        RealmId realm;
        try {
            realm = CustomerNumber.parse(customerNumber).realm();
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
        if (known.containsKey(realm)) {
            return Optional.of(realm);
        }
        Optional<RealmId> found = cloud.findRealm(realm).map(CloudRealm::getRealm);
        found.ifPresent(r -> known.put(r, Boolean.TRUE));
        return found;
    }
}
