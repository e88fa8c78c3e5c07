package de.erpconnect.application.token;

import de.erpconnect.application.client.ClientDirectory;
import de.erpconnect.application.event.EventLog;
import de.erpconnect.application.grant.GrantDirectory;
import de.erpconnect.application.grant.GrantLedger;
import de.erpconnect.application.licence.LicenceDirectory;
import de.erpconnect.application.user.CallerDirectory;
import de.erpconnect.application.user.CallerState;
import de.erpconnect.application.user.LoginThrottle;
import de.erpconnect.common.Settings;
import de.erpconnect.domain.client.ClientCredentials;
import de.erpconnect.domain.client.ClientId;
import de.erpconnect.domain.client.ClientType;
import de.erpconnect.domain.client.Scope;
import de.erpconnect.domain.client.SecretHasher;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.domain.grant.AuthorizationCodeRecord;
import de.erpconnect.domain.grant.Grant;
import de.erpconnect.domain.grant.GrantFacts;
import de.erpconnect.domain.grant.GrantRepository;
import de.erpconnect.domain.grant.OpaqueToken;
import de.erpconnect.domain.grant.Pkce;
import de.erpconnect.domain.grant.RefreshChain;
import de.erpconnect.domain.grant.RefreshChainRepository;
import de.erpconnect.domain.grant.RefreshTokenId;
import de.erpconnect.domain.grant.RefreshTokenLookup;
import de.erpconnect.domain.grant.RefreshTokenSeal;
import de.erpconnect.domain.shared.PrintableText;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.token.AccessTokenClaims;
import de.erpconnect.domain.token.OAuthError;
import de.erpconnect.domain.token.OAuthException;
import de.erpconnect.domain.token.ScopeParameter;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

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

    @Inject
    GrantRepository grants;

    @Inject
    GrantLedger ledger;

    @Inject
    RefreshTokenSeal refreshTokens;

    @Inject
    RefreshChainRepository chains;

    @Inject
    GrantDirectory grantDirectory;

    @Inject
    LoginThrottle throttle;

    /** One generator per thread: a shared SecureRandom serializes the token endpoint. */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    /**
     * Authenticates a client (RFC 6749 §2.3): a confidential client by its secret; a public client
     * is only identified and must not send one. Every failure is the same {@code invalid_client},
     * so the answer does not tell whether a client id exists.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ClientCredentials authenticateClient(String clientId, String secret, String remoteAddress) {
        return authenticateClient(RealmId.ERP, clientId, secret, remoteAddress);
    }

    /** The same within one realm: a client of another realm is unknown here (DESIGN §9). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ClientCredentials authenticateClient(RealmId realm, String clientId, String secret, String remoteAddress) {
        String printable = PrintableText.identifier(clientId, ClientId.MAX_LENGTH);
        String subject = LoginThrottle.subject(realm, printable);
        throttle.lockedFor("client", subject, remoteAddress).ifPresent(wait -> {
            long seconds = Math.max(1, wait.toSeconds() + 1);
            throw new OAuthException(
                    OAuthError.SLOW_DOWN,
                    "Too many failed client authentications; try again in " + seconds + " s.",
                    seconds);
        });
        Optional<ClientCredentials> found = clients.find(realm, clientId);
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
            throttle.failed("client", subject, remoteAddress);
            events.recordIndependently(
                    realm,
                    EventType.CLIENT_AUTHENTICATION_FAILED,
                    null,
                    remoteAddress,
                    "Client authentication failed for client id '" + printable + "'.");
            throw new OAuthException(OAuthError.INVALID_CLIENT, "Client authentication failed.");
        }
        throttle.succeeded("client", subject, remoteAddress);
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
        return issueForClientCredentials(RealmId.ERP, clientId, secret, scopeParameter, remoteAddress);
    }

    /**
     * The client credentials grant of a realm: the ERP's, or a cloud realm's own token endpoint
     * (DESIGN §9) — the realm's issuer and audience, signed with the realm's own key.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public IssuedToken issueForClientCredentials(
            RealmId realm, String clientId, String secret, String scopeParameter, String remoteAddress) {
        ClientCredentials client = authenticateClient(realm, clientId, secret, remoteAddress);
        Set<Scope> requested = ScopeParameter.parse(scopeParameter);
        if (client.clientType() != ClientType.CONFIDENTIAL) {
            throw new OAuthException(
                    OAuthError.UNAUTHORIZED_CLIENT, "Public clients cannot use the client_credentials grant.");
        }
        if (!client.active()) {
            throw new OAuthException(OAuthError.UNAUTHORIZED_CLIENT, "The application is deactivated.");
        }
        if (realm.equals(RealmId.ERP)) {
            // the licence is the ERP installation's; cloud realms are the vendor's service
            licences.refusal(client.kind(), client.clientType()).ifPresent(reason -> {
                throw new OAuthException(OAuthError.UNAUTHORIZED_CLIENT, reason);
            });
        }
        CallerState user = callers.find(client.realm(), client.user().value())
                .filter(CallerState::active)
                .orElseThrow(() -> new OAuthException(
                        OAuthError.INVALID_GRANT, "The application's user (Benutzer) is deactivated."));
        Set<Scope> scopes = grantedScopes(client, requested, user);
        Instant now = Instant.now();
        Instant expires = now.plusSeconds(client.accessTokenSeconds());
        String scope = Scope.join(scopes);
        AccessTokenClaims claims = new AccessTokenClaims(
                settings.issuer(realm),
                user.login(),
                settings.issuer(realm),
                client.clientId().value(),
                scope,
                newJwtId(),
                now,
                expires,
                user.roles(),
                null);
        return new IssuedToken(signingKeys.signAccessToken(client.realm(), claims), client.accessTokenSeconds(), scope);
    }

    /**
     * The authorization code grant (RFC 6749 §4.1.3, RFC 7636 §4.6). The code is consumed first, in
     * its own transaction, so it is single-use even under concurrent redemption; a replayed code
     * revokes the grant and thereby every token issued from it (RFC 6749 §4.1.2).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public IssuedToken issueForAuthorizationCode(
            String clientId,
            String secret,
            String code,
            String redirectUri,
            String codeVerifier,
            String remoteAddress) {
        ClientCredentials client = authenticateClient(clientId, secret, remoteAddress);
        requireUsable(client);
        if (code == null || redirectUri == null) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "The parameters code and redirect_uri are required.");
        }
        if (codeVerifier == null) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "The code_verifier is required (PKCE).");
        }
        if (!OpaqueToken.isWellFormed(code)) {
            throw new OAuthException(OAuthError.INVALID_GRANT, "The authorization code is invalid.");
        }
        String hash = OpaqueToken.hash(code);
        AuthorizationCodeRecord record = grants.findCode(hash)
                .orElseThrow(() -> new OAuthException(OAuthError.INVALID_GRANT, "The authorization code is invalid."));
        if (!ledger.consumeCode(hash)) {
            ledger.revokeGrant(record.grantId(), "authorization code used twice", null);
            throw new OAuthException(
                    OAuthError.INVALID_GRANT,
                    "The authorization code was already used; the tokens issued from it are revoked.");
        }
        Instant now = Instant.now();
        Grant grant = grants.getById(RealmId.ERP, record.grantId());
        if (!grant.getApplication().getClientId().equals(client.clientId())) {
            throw new OAuthException(OAuthError.INVALID_GRANT, "The authorization code was issued to another client.");
        }
        if (!now.isBefore(record.expiresAt())) {
            throw new OAuthException(OAuthError.INVALID_GRANT, "The authorization code expired.");
        }
        if (!record.redirectUri().equals(redirectUri)) {
            throw new OAuthException(
                    OAuthError.INVALID_GRANT, "The redirect_uri differs from the authorization request.");
        }
        if (!Pkce.verify(codeVerifier, record.codeChallenge())) {
            throw new OAuthException(OAuthError.INVALID_GRANT, "The code_verifier does not match the code_challenge.");
        }
        GrantFacts facts = grant.facts();
        Set<Scope> scopes = parseStored(record.scopes());
        return issueFromGrant(
                client,
                facts,
                scopes,
                now,
                () -> scopes.contains(Scope.OFFLINE_ACCESS)
                        ? refreshTokens.seal(new RefreshTokenId(
                                ledger.startRefreshChain(
                                        facts.id(), Scope.join(scopes), now, refreshExpiry(client, facts, now)),
                                1))
                        : null);
    }

    /**
     * The refresh token grant (RFC 6749 §6) with rotation: every refresh token works once and is
     * replaced by the next generation of its chain. An older generation presented again revokes the
     * whole grant (reuse detection, RFC 9700 §4.14) — except the one just spent, retried within
     * {@code erpconnect.oauth.refresh-retry-grace-seconds} by a client whose response got lost on
     * the network: it gets the same successor again. The new refresh token has the scopes of the
     * presented one (§6); {@code scope} narrows only the access token. The grant's absolute lifetime
     * is never extended.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public CompletionStage<IssuedToken> issueForRefreshToken(
            String clientId, String secret, String refreshToken, String scopeParameter, String remoteAddress) {
        ClientCredentials client = authenticateClient(clientId, secret, remoteAddress);
        requireUsable(client);
        if (refreshToken == null) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "The parameter refresh_token is missing.");
        }
        RefreshTokenId presented = refreshTokens
                .open(refreshToken)
                .orElseThrow(() -> new OAuthException(OAuthError.INVALID_GRANT, "The refresh token is invalid."));
        // one query: the chain and its grant's facts, fresh (a revocation elsewhere counts at once)
        RefreshTokenLookup lookup = chainOf(presented)
                .orElseThrow(() -> new OAuthException(OAuthError.INVALID_GRANT, "The refresh token is invalid."));
        RefreshChain chain = lookup.chain();
        GrantFacts grant = lookup.grant();
        if (!grant.clientId().equals(client.clientId().value())) {
            throw new OAuthException(OAuthError.INVALID_GRANT, "The refresh token was issued to another client.");
        }
        Instant now = Instant.now();
        if (!grant.isUsable(now)) {
            throw new OAuthException(OAuthError.INVALID_GRANT, "The grant was revoked or has expired.");
        }
        if (!chain.isCurrent(presented.generation())) {
            // known reuse: decided before anything else can refuse the request
            String successor = successorOfRetry(grant, chain, presented.generation(), now);
            return CompletableFuture.completedFuture(
                    issueFromGrant(client, grant, narrowed(chain, scopeParameter), now, () -> successor));
        }
        if (!now.isBefore(chain.expiresAt())) {
            throw new OAuthException(OAuthError.INVALID_GRANT, "The refresh token expired.");
        }
        // the access token is signed before the rotation is committed, so that nothing but
        // sealing the refresh token is left for the thread that commits it (RefreshChainRepository)
        SignedAccessToken access = signAccessToken(client, grant, narrowed(chain, scopeParameter), now);
        // one conditional UPDATE, committed before the answer (no transaction around this method;
        // concurrent refreshes share a commit), decides concurrent uses: one advances the chain,
        // the others find it advanced and count as retries
        return chains.advance(chain.id(), presented.generation(), now, refreshExpiry(client, grant, now))
                .thenApply(advanced -> {
                    if (advanced) {
                        if (lookup.grantUseToNote(now)) {
                            chains.touchGrant(grant.id(), now);
                        }
                        return access.with(
                                refreshTokens.seal(new RefreshTokenId(chain.id(), presented.generation() + 1)));
                    }
                    RefreshChain advancedChain = chains.find(chain.id())
                            .orElseThrow(() ->
                                    new OAuthException(OAuthError.INVALID_GRANT, "The refresh token is invalid."));
                    return access.with(successorOfRetry(grant, advancedChain, presented.generation(), now));
                });
    }

    /**
     * The chain a genuine refresh token names, with its grant's facts; empty for a generation the
     * chain never reached.
     */
    private Optional<RefreshTokenLookup> chainOf(RefreshTokenId id) {
        return chains.findWithGrant(RealmId.ERP, id.chainId())
                .filter(l -> id.generation() <= l.chain().generation());
    }

    /**
     * A spent generation presented again: the one spent last, within the retry grace after it was
     * spent, gets the current token of the chain again; anything else revokes the whole grant.
     */
    private String successorOfRetry(GrantFacts grant, RefreshChain chain, long presented, Instant now) {
        boolean justSpent = presented == chain.generation() - 1
                && !chain.issuedAt()
                        .plusSeconds(settings.refreshRetryGraceSeconds())
                        .isBefore(now);
        if (!justSpent) {
            ledger.revokeGrant(grant.id(), "refresh token used twice", null);
            throw new OAuthException(
                    OAuthError.INVALID_GRANT, "The refresh token was already used; the grant is revoked.");
        }
        if (!now.isBefore(chain.expiresAt())) {
            throw new OAuthException(OAuthError.INVALID_GRANT, "The refresh token expired.");
        }
        return refreshTokens.seal(new RefreshTokenId(chain.id(), chain.generation()));
    }

    /** The scopes of the access token: the chain's, or the requested subset of them. */
    private static Set<Scope> narrowed(RefreshChain chain, String scopeParameter) {
        Set<Scope> stored = parseStored(chain.scopes());
        Set<Scope> requested = ScopeParameter.parse(scopeParameter);
        for (Scope s : requested) {
            if (!stored.contains(s)) {
                throw new OAuthException(OAuthError.INVALID_SCOPE, "The scope '" + s.wireName() + "' was not granted.");
            }
        }
        return requested.isEmpty() ? stored : requested;
    }

    /** When a refresh token issued now expires: after the application's lifetime, at the latest with its grant. */
    private static Instant refreshExpiry(ClientCredentials client, GrantFacts grant, Instant now) {
        Instant expiry = now.plusSeconds(client.refreshTokenSeconds());
        return expiry.isAfter(grant.expiresAt()) ? grant.expiresAt() : expiry;
    }

    /**
     * Revocation of an access token (RFC 7009 §2.1) the web layer has verified: its id goes on the
     * deny list until it expires. Tokens of another client are refused.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void revokeAccessToken(ClientCredentials client, String tokenClientId, String jwtId, Instant expiresAt) {
        requireOwnToken(client, tokenClientId);
        ledger.revokeAccessToken(jwtId, expiresAt);
    }

    /**
     * Revocation of a refresh token (RFC 7009 §2.1): revokes its grant, and with it every access and
     * refresh token issued from it. Unknown tokens are not an error (§2.2).
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void revokeRefreshToken(ClientCredentials client, String refreshToken) {
        Optional<RefreshTokenLookup> lookup = refreshTokens.open(refreshToken).flatMap(this::chainOf);
        if (lookup.isEmpty()) {
            return;
        }
        GrantFacts grant = lookup.get().grant();
        requireOwnToken(client, grant.clientId());
        ledger.revokeGrant(
                grant.id(),
                "refresh token revoked by the client",
                client.clientId().value());
    }

    /** What introspection (RFC 7662) says about a refresh token of this client; empty = inactive. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<RefreshTokenFacts> introspectRefreshToken(ClientCredentials client, String refreshToken) {
        Instant now = Instant.now();
        return refreshTokens
                .open(refreshToken)
                .flatMap(id -> chainOf(id).filter(l -> l.chain().isCurrent(id.generation())))
                .filter(l -> now.isBefore(l.chain().expiresAt()))
                .filter(l -> l.grant().isUsable(now))
                .filter(l -> l.grant().clientId().equals(client.clientId().value()))
                .map(l -> new RefreshTokenFacts(
                        l.chain().scopes(),
                        l.grant().userLogin(),
                        l.chain().expiresAt(),
                        l.grant().id()));
    }

    /** An active refresh token as introspection reports it. */
    public record RefreshTokenFacts(String scope, String subject, Instant expiresAt, long grantId) {}

    private static void requireOwnToken(ClientCredentials client, String tokenClientId) {
        if (!client.clientId().value().equals(tokenClientId)) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "The token was not issued to this client.");
        }
    }

    /**
     * Issues an access token from a grant, with the refresh token {@code refresh} gives (null for
     * none) once the user is found usable; {@code refresh} stores what it needs before anything is
     * handed out and may refuse by throwing.
     */
    private IssuedToken issueFromGrant(
            ClientCredentials client, GrantFacts grant, Set<Scope> scopes, Instant now, Supplier<String> refresh) {
        SignedAccessToken access = signAccessToken(client, grant, scopes, now);
        return access.with(refresh.get());
    }

    /** The access token of a grant's user, refused when the user is deactivated or lost GraphQL access. */
    private SignedAccessToken signAccessToken(
            ClientCredentials client, GrantFacts grant, Set<Scope> scopes, Instant now) {
        CallerState user = callers.find(client.realm(), grant.userLogin())
                .filter(CallerState::mayUseGraphql)
                .orElseThrow(() -> new OAuthException(
                        OAuthError.INVALID_GRANT, "The user is deactivated or has no GraphQL access."));
        String scope = Scope.join(scopes);
        AccessTokenClaims claims = new AccessTokenClaims(
                settings.issuer(),
                user.login(),
                settings.issuer(),
                client.clientId().value(),
                scope,
                newJwtId(),
                now,
                now.plusSeconds(client.accessTokenSeconds()),
                user.roles(),
                grant.id());
        return new SignedAccessToken(
                signingKeys.signAccessToken(client.realm(), claims), client.accessTokenSeconds(), scope);
    }

    /** A signed access token, handed out only with the refresh token that goes with it (or none). */
    private record SignedAccessToken(String token, long expiresIn, String scope) {
        IssuedToken with(String refreshToken) {
            return new IssuedToken(token, expiresIn, scope, refreshToken);
        }
    }

    private void requireUsable(ClientCredentials client) {
        if (!client.active()) {
            throw new OAuthException(OAuthError.UNAUTHORIZED_CLIENT, "The application is deactivated.");
        }
        licences.refusal(client.kind(), client.clientType()).ifPresent(reason -> {
            throw new OAuthException(OAuthError.UNAUTHORIZED_CLIENT, reason);
        });
    }

    private static Set<Scope> parseStored(String scopes) {
        Set<Scope> set = EnumSet.noneOf(Scope.class);
        for (String s : scopes.split(" ")) {
            Scope.find(s).ifPresent(set::add);
        }
        return set;
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

    private String newJwtId() {
        byte[] id = new byte[16];
        RANDOM.get().nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }
}
