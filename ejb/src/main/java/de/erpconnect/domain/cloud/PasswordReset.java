package de.erpconnect.domain.cloud;

import de.erpconnect.domain.grant.OpaqueToken;
import de.erpconnect.domain.user.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A "Passwort vergessen?" link sent by e-mail: valid for an hour and once (a conditional update
 * spends it); only the token's hash is stored.
 */
@Entity
@Table(name = "password_reset")
public class PasswordReset {

    public static final Duration VALIDITY = Duration.ofHours(1);

    @Id
    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    private User user;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected PasswordReset() {}

    /** A new reset and the one copy of its token (for the link in the e-mail). */
    public record Issued(PasswordReset reset, String token) {}

    public static Issued issue(User user, Instant now) {
        String token = OpaqueToken.generate();
        PasswordReset reset = new PasswordReset();
        reset.tokenHash = OpaqueToken.hash(token);
        reset.user = user;
        reset.createdAt = now;
        reset.expiresAt = now.plus(VALIDITY);
        return new Issued(reset, token);
    }

    public boolean isUsableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public User getUser() {
        return user;
    }
}
