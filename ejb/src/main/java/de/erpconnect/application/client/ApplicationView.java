package de.erpconnect.application.client;

import de.erpconnect.domain.client.ClientApplication;
import de.erpconnect.domain.client.ClientSecret;
import de.erpconnect.domain.client.Scope;
import java.time.Instant;
import java.util.List;

/**
 * An application as the admin API shows it. {@code clientSecret} is filled only in the response
 * that creates or rotates the secret, and is left out (null) everywhere else.
 */
public record ApplicationView(
        long id,
        String name,
        String kind,
        String clientType,
        String clientId,
        String clientSecret,
        String user,
        List<String> redirectUris,
        List<String> scopes,
        boolean active,
        int accessTokenSeconds,
        int refreshTokenSeconds,
        int grantLifetimeSeconds,
        Instant previousSecretValidUntil,
        Instant createdAt,
        Instant updatedAt) {

    static ApplicationView of(ClientApplication a) {
        return of(a, null);
    }

    static ApplicationView of(ClientApplication a, ClientSecret secret) {
        return new ApplicationView(
                a.getId(),
                a.getName(),
                a.getKind().value(),
                a.getClientType().name(),
                a.getClientId().value(),
                secret == null ? null : secret.reveal(),
                a.getUser().getLogin().value(),
                a.getRedirectUris(),
                a.getScopes().stream().sorted().map(Scope::wireName).toList(),
                a.isActive(),
                a.getLifetimes().accessTokenSeconds(),
                a.getLifetimes().refreshTokenSeconds(),
                a.getLifetimes().grantSeconds(),
                a.getPreviousSecretValidUntil(),
                a.getCreatedAt(),
                a.getUpdatedAt());
    }
}
