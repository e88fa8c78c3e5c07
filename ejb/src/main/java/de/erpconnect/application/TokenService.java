package de.erpconnect.application;

import de.erpconnect.domain.application.ClientCredentials;
import de.erpconnect.domain.application.ClientType;
import de.erpconnect.domain.application.Scope;
import de.erpconnect.domain.application.SecretHasher;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.token.AccessTokenClaims;
import de.erpconnect.domain.token.OAuthError;
import de.erpconnect.domain.token.OAuthException;
import de.erpconnect.domain.token.ScopeParameter;
import de.erpconnect.infrastructure.config.Settings;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Client authentication and token issuance for the token endpoint. Grants (in the web layer) do
 * the protocol parsing; the rules about clients, users and scopes live here.
 */
@Stateless
@PermitAll
public class TokenService {

    /** Hash of a throw-away secret: unknown clients cost the same time as known ones. */
    private static final String DUMMY_HASH = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    @Inject
    ClientDirectory clients;

    @Inject
    CallerDirectory callers;

    @Inject
    LicenceDirectory licences;

    @Inject
    SecretHasher hasher;

    @Inject
    SigningKeys signingKeys;

    @Inject
    Settings settings;

    @Inject
    EventLog events;

    /** One generator per thread: a shared SecureRandom serializes the token endpoint. */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    /**
     * Authenticates a client (RFC 6749 §2.3): a confidential client by its secret; a public client
     * is only identified and must not send one. Every failure is the same {@code invalid_client},
     * so the answer does not tell whether a client id exists.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ClientCredentials authenticateClient(String clientId, String secret, String remoteAddress) {
        Optional<ClientCredentials> found = clients.find(RealmId.ERP, clientId);
        Instant now = Instant.now();
        boolean ok;
        if (found.isEmpty()) {
            hasher.matches(secret == null ? "" : secret, DUMMY_HASH);
            ok = false;
        } else if (found.get().clientType() == ClientType.PUBLIC) {
            ok = secret == null;
        } else {
            ok = found.get().matchesSecret(secret, hasher, now);
        }
        if (!ok) {
            events.recordIndependently(
                    RealmId.ERP,
                    EventType.CLIENT_AUTHENTICATION_FAILED,
                    null,
                    remoteAddress,
                    "Client authentication failed for client id '" + printable(clientId) + "'.");
            throw new OAuthException(OAuthError.INVALID_CLIENT, "Client authentication failed.");
        }
        return found.get();
    }

    /**
     * The client credentials grant (RFC 6749 §4.4): authenticates the client and issues a token for
     * the application's user, never a refresh token. One call, no transaction: nothing is written
     * on success, and this is the hottest path of the server.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public IssuedToken issueForClientCredentials(
            String clientId, String secret, String scopeParameter, String remoteAddress) {
        ClientCredentials client = authenticateClient(clientId, secret, remoteAddress);
        Set<Scope> requested = ScopeParameter.parse(scopeParameter);
        if (client.clientType() != ClientType.CONFIDENTIAL) {
            throw new OAuthException(
                    OAuthError.UNAUTHORIZED_CLIENT, "Public clients cannot use the client_credentials grant.");
        }
        if (!client.active()) {
            throw new OAuthException(OAuthError.UNAUTHORIZED_CLIENT, "The application is deactivated.");
        }
        licences.refusal(client.kind(), client.clientType()).ifPresent(reason -> {
            throw new OAuthException(OAuthError.UNAUTHORIZED_CLIENT, reason);
        });
        CallerState user = callers.find(client.realm(), client.user().value())
                .filter(CallerState::active)
                .orElseThrow(() -> new OAuthException(
                        OAuthError.INVALID_GRANT, "The application's user (Benutzer) is deactivated."));
        Set<Scope> scopes = grantedScopes(client, requested, user);
        Instant now = Instant.now();
        Instant expires = now.plusSeconds(client.accessTokenSeconds());
        String scope = Scope.join(scopes);
        AccessTokenClaims claims = new AccessTokenClaims(
                settings.issuer(),
                user.login(),
                settings.issuer(),
                client.clientId().value(),
                scope,
                newJwtId(),
                now,
                expires,
                user.roles());
        return new IssuedToken(signingKeys.signAccessToken(client.realm(), claims), client.accessTokenSeconds(), scope);
    }

    private static Set<Scope> grantedScopes(ClientCredentials client, Set<Scope> requested, CallerState user) {
        if (requested.contains(Scope.OFFLINE_ACCESS)) {
            throw new OAuthException(
                    OAuthError.INVALID_SCOPE,
                    "offline_access is not available with client_credentials (no refresh tokens).");
        }
        Set<Scope> scopes;
        if (requested.isEmpty()) {
            scopes = EnumSet.copyOf(client.scopes());
            scopes.remove(Scope.OFFLINE_ACCESS);
            if (!user.roles().contains("admin")) {
                scopes.remove(Scope.ADMIN);
            }
        } else {
            for (Scope s : requested) {
                if (!client.scopes().contains(s)) {
                    throw new OAuthException(
                            OAuthError.INVALID_SCOPE,
                            "The application is not registered for the scope '" + s.wireName() + "'.");
                }
            }
            scopes = EnumSet.copyOf(requested);
        }
        if (scopes.contains(Scope.ADMIN) && !user.roles().contains("admin")) {
            throw new OAuthException(OAuthError.INVALID_SCOPE, "The scope 'admin' needs a user with the role 'admin'.");
        }
        if (scopes.isEmpty()) {
            throw new OAuthException(OAuthError.INVALID_SCOPE, "No scope can be granted.");
        }
        return scopes;
    }

    private String newJwtId() {
        byte[] id = new byte[16];
        RANDOM.get().nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    private static String printable(String clientId) {
        if (clientId == null) {
            return "";
        }
        String cut = clientId.length() > 64 ? clientId.substring(0, 64) : clientId;
        return cut.replaceAll("[^A-Za-z0-9_.@-]", "?");
    }
}
