package de.erpconnect.domain.grant;

import de.erpconnect.domain.client.ClientApplication;
import de.erpconnect.domain.client.Scope;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.user.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * A user's consent to an application for some scopes ("Freigabe"). Codes, refresh tokens and the
 * access tokens issued from it name it; revoking it ends them all. A remembered grant lets later
 * authorization requests for the same or fewer scopes skip the consent page.
 */
@Entity
@Table(name = "oauth_grant")
public class Grant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "realm", nullable = false, length = RealmId.MAX_LENGTH)
    private RealmId realm;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    private User user;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "application_id", nullable = false)
    private ClientApplication application;

    @Column(name = "scopes", nullable = false, length = 200)
    private String scopes;

    @Column(name = "remembered", nullable = false)
    private boolean remembered;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at", nullable = false)
    private Instant lastUsedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_reason", length = 100)
    private String revokedReason;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Grant() {}

    public Grant(User user, ClientApplication application, Set<Scope> scopes, boolean remembered, Instant now) {
        this.realm = application.getRealm();
        this.user = user;
        this.application = application;
        this.scopes = Scope.join(scopes);
        this.remembered = remembered;
        this.createdAt = now;
        this.lastUsedAt = now;
        this.expiresAt = now.plusSeconds(application.getLifetimes().grantSeconds());
    }

    public GrantFacts facts() {
        return new GrantFacts(
                id, application.getClientId().value(), user.getLogin().value(), expiresAt, revokedAt);
    }

    public boolean isUsable(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    /** Whether this remembered consent already covers the requested scopes. */
    public boolean covers(Set<Scope> requested, Instant now) {
        return remembered && isUsable(now) && scopes().containsAll(requested);
    }

    public void revoke(String reason, Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedReason = reason.length() > 100 ? reason.substring(0, 100) : reason;
        }
    }

    public void used(Instant now) {
        lastUsedAt = now;
    }

    public Set<Scope> scopes() {
        Set<Scope> set = EnumSet.noneOf(Scope.class);
        Arrays.stream(scopes.split(" "))
                .filter(s -> !s.isEmpty())
                .forEach(s -> Scope.find(s).ifPresent(set::add));
        return set;
    }

    public Long getId() {
        return id;
    }

    public RealmId getRealm() {
        return realm;
    }

    public User getUser() {
        return user;
    }

    public ClientApplication getApplication() {
        return application;
    }

    public boolean isRemembered() {
        return remembered;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public String getRevokedReason() {
        return revokedReason;
    }
}
