package de.erpconnect.application.token;

import de.erpconnect.application.user.CallerDirectory;
import de.erpconnect.application.user.CallerState;
import de.erpconnect.domain.client.ClientCredentials;
import de.erpconnect.domain.client.ClientProof;
import de.erpconnect.domain.client.ClientType;
import de.erpconnect.domain.client.Scope;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.token.OAuthError;
import de.erpconnect.domain.token.OAuthException;
import de.erpconnect.domain.token.ScopeParameter;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.Set;

/**
 * The client credentials grant (RFC 6749 §4.4): a confidential client gets an access token for the
 * application's user (Benutzer), never a refresh token (§4.4.3) — how a partner app that knows only
 * URL, client id and secret connects; also a cloud realm's own token endpoint (DESIGN §9), with the
 * realm's issuer and key. One call, no transaction: nothing is written on success, and this is the
 * hottest path of the server.
 */
@Stateless
@PermitAll
public class ClientCredentialsGrantType {

    @Inject
    ClientAuthentication clientAuthentication;

    @Inject
    CallerDirectory callers;

    @Inject
    AccessTokens accessTokens;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public IssuedToken issue(
            RealmId realm, ClientProof proof, String scopeParameter, String dpopJkt, String remoteAddress) {
        ClientCredentials client = clientAuthentication.authenticate(realm, proof, remoteAddress);
        Set<Scope> requested = ScopeParameter.parse(scopeParameter);
        if (client.clientType() != ClientType.CONFIDENTIAL) {
            throw new OAuthException(
                    OAuthError.UNAUTHORIZED_CLIENT, "Public clients cannot use the client_credentials grant.");
        }
        clientAuthentication.requireUsable(client, realm);
        ClientAuthentication.requireSenderConstraint(client, dpopJkt);
        CallerState user = callers.find(client.realm(), client.user().value())
                .filter(CallerState::active)
                .orElseThrow(() -> new OAuthException(
                        OAuthError.INVALID_GRANT, "The application's user (Benutzer) is deactivated."));
        return accessTokens
                .forClient(realm, client, user, grantedScopes(client, requested, user), dpopJkt)
                .with(null);
    }

    /**
     * The scopes of a client-credentials token. {@code offline_access} is left out of what is
     * granted (there are no refresh tokens here), so that a partner app's one scope list works for
     * both of its grants, and the response names the granted scope (RFC 6749 §3.3), as Keycloak and
     * Hydra do. Scopes the client is not registered for, or its user may not have, are refused.
     */
    private static Set<Scope> grantedScopes(ClientCredentials client, Set<Scope> requested, CallerState user) {
        if (requested.equals(EnumSet.of(Scope.OFFLINE_ACCESS))) {
            throw new OAuthException(
                    OAuthError.INVALID_SCOPE,
                    "offline_access is not available with client_credentials (no refresh tokens); request 'graphql'.");
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
            scopes.remove(Scope.OFFLINE_ACCESS);
        }
        if (scopes.contains(Scope.ADMIN) && !user.roles().contains("admin")) {
            throw new OAuthException(OAuthError.INVALID_SCOPE, "The scope 'admin' needs a user with the role 'admin'.");
        }
        if (scopes.isEmpty()) {
            throw new OAuthException(OAuthError.INVALID_SCOPE, "No scope can be granted.");
        }
        return scopes;
    }
}
