package de.erpconnect.application.token;

import de.erpconnect.application.user.CallerDirectory;
import de.erpconnect.application.user.CallerState;
import de.erpconnect.common.Settings;
import de.erpconnect.domain.client.ClientCredentials;
import de.erpconnect.domain.client.Scope;
import de.erpconnect.domain.grant.GrantFacts;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.token.AccessTokenClaims;
import de.erpconnect.domain.token.OAuthError;
import de.erpconnect.domain.token.OAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * Signed access tokens (RFC 9068) as every grant issues them: the realm's issuer as {@code iss}
 * and {@code aud}, a random {@code jti}, the user's roles as informational {@code groups}, the
 * grant's id for tokens of the authorization code flow.
 */
@ApplicationScoped
public class AccessTokens {

    /** One generator per thread: a shared SecureRandom serializes the token endpoint. */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    @Inject
    SigningKeys signingKeys;

    @Inject
    CallerDirectory callers;

    @Inject
    Settings settings;

    /**
     * A token of {@code realm} for the application's own user (client credentials), bound to the DPoP
     * key with thumbprint {@code jkt} (null: a bearer token).
     */
    SignedAccessToken forClient(
            RealmId realm, ClientCredentials client, CallerState user, Set<Scope> scopes, String jkt) {
        return sign(realm, client, user, scopes, Instant.now(), null, jkt);
    }

    /** A token of a grant's user, refused when the user is deactivated or lost GraphQL access. */
    SignedAccessToken forGrant(ClientCredentials client, GrantFacts grant, Set<Scope> scopes, Instant now, String jkt) {
        CallerState user = callers.find(client.realm(), grant.userLogin())
                .filter(CallerState::mayUseGraphql)
                .orElseThrow(() -> new OAuthException(
                        OAuthError.INVALID_GRANT, "The user is deactivated or has no GraphQL access."));
        return sign(client.realm(), client, user, scopes, now, grant.id(), jkt);
    }

    private SignedAccessToken sign(
            RealmId realm,
            ClientCredentials client,
            CallerState user,
            Set<Scope> scopes,
            Instant now,
            Long grantId,
            String jkt) {
        String scope = Scope.join(scopes);
        AccessTokenClaims claims = new AccessTokenClaims(
                settings.issuer(realm),
                user.login(),
                settings.issuer(realm),
                client.clientId().value(),
                scope,
                newJwtId(),
                now,
                now.plusSeconds(client.accessTokenSeconds()),
                user.roles(),
                grantId,
                jkt);
        return new SignedAccessToken(
                signingKeys.signAccessToken(client.realm(), claims), client.accessTokenSeconds(), scope, jkt != null);
    }

    private static String newJwtId() {
        byte[] id = new byte[16];
        RANDOM.get().nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    /** A signed access token, handed out only with the refresh token that goes with it (or none). */
    record SignedAccessToken(String token, long expiresIn, String scope, boolean dpop) {
        IssuedToken with(String refreshToken) {
            return new IssuedToken(token, expiresIn, scope, refreshToken, dpop);
        }
    }
}
