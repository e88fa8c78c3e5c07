package de.erpconnect.domain.credential;

import de.erpconnect.domain.shared.RealmId;
import java.util.List;
import java.util.Optional;

/** Access credentials of one realm. */
public interface AccessCredentialRepository {

    Optional<AccessCredential> findByNumber(RealmId realm, int number);

    default AccessCredential getByNumber(RealmId realm, int number) {
        return findByNumber(realm, number).orElseThrow(() -> new CredentialNotFoundException(number));
    }

    Optional<AccessCredential> findActive(RealmId realm, String kind);

    /** The highest number in use plus one (1 for the first record). */
    int nextFreeNumber(RealmId realm);

    List<AccessCredential> search(RealmId realm, String query, int offset, int limit);

    long count(RealmId realm, String query);

    /**
     * Takes the lock that every creation and activation takes first, for the rest of the
     * transaction: concurrent saves then see each other's outcome (the next free number, the active
     * record of a kind) and a loser is answered as a sequential request would be. The unique rules
     * stay the final guard.
     */
    void lockForChanges();

    void add(AccessCredential credential);

    void remove(AccessCredential credential);

    /**
     * Writes pending changes now, so that the database constraints speak inside the service:
     * a clash on the number or on the one-active-per-kind rule becomes a business exception.
     */
    void flushChecked(AccessCredential credential);
}
