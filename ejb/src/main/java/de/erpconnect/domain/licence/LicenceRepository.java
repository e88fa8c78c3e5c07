package de.erpconnect.domain.licence;

import de.erpconnect.domain.shared.RealmId;
import java.util.List;
import java.util.Optional;

/** The installation record and its activations. */
public interface LicenceRepository {

    Optional<Installation> findInstallation(RealmId realm);

    void add(Installation installation);

    List<Activation> activations(RealmId realm);

    Optional<Activation> findActivation(RealmId realm, long id);

    default Activation getActivation(RealmId realm, long id) {
        return findActivation(realm, id).orElseThrow(() -> new ActivationNotFoundException(id));
    }

    Optional<Activation> findByKeyId(RealmId realm, int keyId);

    void add(Activation activation);

    /** Test-only reset: removes every activation of the realm. */
    void removeActivations(RealmId realm);
}
