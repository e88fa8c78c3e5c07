package de.erpconnect.application.client;

import de.erpconnect.domain.client.ClientApplication;
import de.erpconnect.domain.client.ClientKeys;
import de.erpconnect.domain.client.ClientSecret;
import de.erpconnect.domain.client.ClientType;
import de.erpconnect.domain.client.Scope;
import java.time.Instant;
import java.util.List;

/**
 * An application as the admin API shows it. {@code clientSecret} is filled only in the response
 * that creates or rotates the secret, and is left out (null) everywhere else; {@code authMethod}
 * is {@code client_secret_basic} (also accepted: {@code client_secret_post}), {@code private_key_jwt}
 * with the registered {@code keys} (fetched from {@code jwksUri} when the partner app publishes
 * them), or {@code none} for a public client;
 * {@code requirePushedAuthorizationRequests} (RFC 9126 §6) whether its authorization requests must
 * come through {@code /oauth2/par}; {@code fapi2} whether the FAPI 2.0 switch is on (since
 * {@code fapi2Since}): private_key_jwt, PAR and DPoP-bound access tokens only.
 */
public record ApplicationView(
        long id,
        String name,
        String kind,
        String clientType,
        String clientId,
        String clientSecret,
        String authMethod,
        List<KeyView> keys,
        String jwksUri,
        String user,
        List<String> redirectUris,
        List<String> scopes,
        boolean active,
        boolean requirePushedAuthorizationRequests,
        boolean fapi2,
        Instant fapi2Since,
        int accessTokenSeconds,
        int refreshTokenSeconds,
        int grantLifetimeSeconds,
        Instant previousSecretValidUntil,
        Instant createdAt,
        Instant updatedAt) {

    /** A registered public key as the admin sees it: its id, algorithm and RFC 7638 thumbprint. */
    public record KeyView(String kid, String algorithm, String thumbprint) {}

    static ApplicationView of(ClientApplication a) {
        return of(a, null);
    }

    static ApplicationView of(ClientApplication a, ClientSecret secret) {
        ClientKeys keys = a.getKeys();
        return new ApplicationView(
                a.getId(),
                a.getName(),
                a.getKind().value(),
                a.getClientType().name(),
                a.getClientId().value(),
                secret == null ? null : secret.reveal(),
                authMethod(a.getClientType(), keys),
                keys == null
                        ? List.of()
                        : keys.keys().stream()
                                .map(k -> new KeyView(k.kid(), k.algorithm(), k.thumbprint()))
                                .toList(),
                a.getJwksUri(),
                a.getUser().getLogin().value(),
                a.getRedirectUris(),
                a.getScopes().stream().sorted().map(Scope::wireName).toList(),
                a.isActive(),
                a.requiresPushedRequests(),
                a.getFapi2Since() != null,
                a.getFapi2Since(),
                a.getLifetimes().accessTokenSeconds(),
                a.getLifetimes().refreshTokenSeconds(),
                a.getLifetimes().grantSeconds(),
                a.getPreviousSecretValidUntil(),
                a.getCreatedAt(),
                a.getUpdatedAt());
    }

    /** How the application authenticates at the token endpoint (RFC 7591 §2 names). */
    private static String authMethod(ClientType type, ClientKeys keys) {
        if (type == ClientType.PUBLIC) {
            return "none";
        }
        return keys != null ? "private_key_jwt" : "client_secret_basic";
    }
}
