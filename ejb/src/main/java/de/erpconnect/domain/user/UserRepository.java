package de.erpconnect.domain.user;

import de.erpconnect.domain.shared.RealmId;
import java.util.List;
import java.util.Optional;

/** Users of one realm. */
public interface UserRepository {

    Optional<User> findByLogin(RealmId realm, LoginName login);

    default User getByLogin(RealmId realm, LoginName login) {
        return findByLogin(realm, login).orElseThrow(() -> new UserNotFoundException(login));
    }

    /** A page of users ordered by login; {@code query} matches login or display name, may be empty. */
    List<User> search(RealmId realm, String query, int offset, int limit);

    long count(RealmId realm, String query);

    /** Active users with the role admin; pending changes are flushed first. */
    long countActiveAdmins(RealmId realm);

    void add(User user);

    void remove(User user);
}
