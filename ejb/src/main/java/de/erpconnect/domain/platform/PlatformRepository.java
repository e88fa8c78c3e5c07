package de.erpconnect.domain.platform;

import de.erpconnect.domain.shared.RealmId;
import java.util.List;
import java.util.Optional;

/** The installation's platform profiles. */
public interface PlatformRepository {

    Optional<PlatformProfile> findById(RealmId realm, long id);

    default PlatformProfile getById(RealmId realm, long id) {
        return findById(realm, id).orElseThrow(() -> new PlatformNotFoundException(id));
    }

    List<PlatformProfile> search(RealmId realm, String query, int offset, int limit);

    long count(RealmId realm, String query);

    /** Stores a new profile; a taken Bezeichnung breaks the unique rule (a 409). */
    void add(PlatformProfile profile);

    void remove(PlatformProfile profile);

    /** Writes pending changes; a taken Bezeichnung is a 409. */
    void flush(PlatformProfile profile);
}
