package de.erpconnect.application.grant;

import de.erpconnect.domain.grant.Grant;
import java.time.Instant;

/** A grant ("Freigabe") as the admin API and the user's own page show it. */
public record GrantView(
        long id,
        String user,
        long applicationId,
        String applicationName,
        String clientId,
        String scopes,
        boolean remembered,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt,
        Instant revokedAt,
        String revokedReason) {

    static GrantView of(Grant g) {
        return new GrantView(
                g.getId(),
                g.getUser().getLogin().value(),
                g.getApplication().getId(),
                g.getApplication().getName(),
                g.getApplication().getClientId().value(),
                de.erpconnect.domain.client.Scope.join(g.scopes()),
                g.isRemembered(),
                g.getCreatedAt(),
                g.getLastUsedAt(),
                g.getExpiresAt(),
                g.getRevokedAt(),
                g.getRevokedReason());
    }
}
