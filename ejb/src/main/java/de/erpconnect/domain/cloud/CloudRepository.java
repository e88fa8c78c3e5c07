package de.erpconnect.domain.cloud;

import de.erpconnect.domain.shared.RealmId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Realms, invitations and password resets of the vendor cloud. */
public interface CloudRepository {

    Optional<CloudRealm> findRealm(RealmId realm);

    /** Stores a new realm; a second realm for the same customer number breaks the primary key. */
    void addRealm(CloudRealm realm);

    void addInvitation(Invitation invitation);

    Optional<Invitation> findInvitation(String tokenHash);

    Optional<Invitation> findInvitationById(long id);

    /** Spends an invitation: true for exactly one caller while it is unused and not expired. */
    boolean useInvitation(String tokenHash, Instant now);

    List<Invitation> invitations(int offset, int limit);

    long countInvitations();

    void addPasswordReset(PasswordReset reset);

    Optional<PasswordReset> findPasswordReset(String tokenHash);

    /** How many reset links a user was sent since {@code since} (a flood of mails is refused). */
    long countPasswordResets(de.erpconnect.domain.user.User user, Instant since);

    /** Spends a reset link: true for exactly one caller while it is unused and not expired. */
    boolean usePasswordReset(String tokenHash, Instant now);
}
