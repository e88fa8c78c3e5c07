package de.erpconnect.domain.client;

import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.user.Role;
import de.erpconnect.domain.user.User;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An application ("Anwendung") = an OAuth client (DESIGN §5). The secret is generated here and
 * leaves only through the {@link ClientSecret} returned by {@link #register} or
 * {@link #rotateSecret}; the entity keeps its keyed hash, and during a rotation grace period the
 * previous hash as well.
 */
@Entity
@Table(name = "client_application")
public class ClientApplication {

    public static final int NAME_MAX = 100;
    public static final int MAX_REDIRECT_URIS = 20;
    public static final long MAX_GRACE_SECONDS = 30L * 86_400;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "realm", nullable = false, length = RealmId.MAX_LENGTH)
    private RealmId realm;

    @Column(name = "name", nullable = false, length = NAME_MAX)
    private String name;

    @Convert(converter = ApplicationKindConverter.class)
    @Column(name = "kind", nullable = false, length = ApplicationKind.MAX_LENGTH)
    private ApplicationKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "client_type", nullable = false, length = 16)
    private ClientType clientType;

    @Convert(converter = ClientIdConverter.class)
    @Column(name = "client_id", nullable = false, length = ClientId.MAX_LENGTH)
    private ClientId clientId;

    @Column(name = "secret_hash", length = 64)
    private String secretHash;

    @Column(name = "previous_secret_hash", length = 64)
    private String previousSecretHash;

    @Column(name = "previous_secret_valid_until")
    private Instant previousSecretValidUntil;

    /** The public keys of {@code private_key_jwt} (a JWK Set), instead of a secret; null otherwise. */
    @Column(name = "jwks", length = ClientKeys.MAX_LENGTH)
    private String jwks;

    /** Where the partner app publishes its keys (RFC 7591 jwks_uri); {@link #jwks} holds the set fetched at registration. */
    @Column(name = "jwks_uri", length = JwksUri.MAX_LENGTH)
    private String jwksUri;

    /** The Benutzer whose rights apply; none only for the built-in client (it acts for whoever logs in). */
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "user_id")
    private User user;

    /** The first-party client of the GraphiQL page (migration V9): not listed, not editable. */
    @Column(name = "built_in", nullable = false)
    private boolean builtIn;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "client_redirect_uri", joinColumns = @JoinColumn(name = "application_id"))
    @OrderColumn(name = "position")
    @Column(name = "uri", nullable = false, length = RedirectUri.MAX_LENGTH)
    private List<String> redirectUris = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "client_scope", joinColumns = @JoinColumn(name = "application_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "scope", nullable = false, length = 32)
    private Set<Scope> scopes = new LinkedHashSet<>();

    @Column(name = "active", nullable = false)
    private boolean active;

    /** Whether the authorization endpoint takes this application's requests only as pushed (RFC 9126 §6). */
    @Column(name = "require_par", nullable = false)
    private boolean requirePar;

    /**
     * When the FAPI 2.0 switch was turned on; null while it is off. Tokens issued before it are
     * refused ({@link ClientCredentials#fapi2Since()}).
     */
    @Column(name = "fapi2_since")
    private Instant fapi2Since;

    @Embedded
    private TokenLifetimes lifetimes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected ClientApplication() {}

    /** The result of registering: the new application and, for confidential clients, its secret. */
    public record Registration(ClientApplication application, ClientSecret secret) {}

    /** What an administrator may set on an application (everything but its identity and secret). */
    public record Settings(
            String name,
            User user,
            List<String> redirectUris,
            Set<Scope> scopes,
            boolean active,
            TokenLifetimes lifetimes) {}

    public static Registration register(
            RealmId realm,
            ApplicationKind kind,
            ClientType clientType,
            Settings settings,
            ClientCredentialsFactory credentials,
            Instant now) {
        ClientApplication app = new ClientApplication();
        app.realm = realm;
        app.kind = kind;
        app.clientType = clientType;
        app.clientId = credentials.newClientId();
        app.createdAt = now;
        app.apply(settings, now);
        ClientSecret secret = null;
        if (clientType == ClientType.CONFIDENTIAL) {
            secret = credentials.newSecret();
            app.secretHash = credentials.hash(secret);
        }
        return new Registration(app, secret);
    }

    /** Replaces the administrator-editable settings, checking every rule. */
    public void apply(Settings settings, Instant now) {
        this.name = requireName(settings.name());
        this.user = requireUser(settings.user(), settings.scopes());
        this.redirectUris = registerRedirectUris(settings.redirectUris(), clientType);
        this.scopes = requireScopes(settings.scopes());
        this.active = settings.active();
        this.lifetimes = settings.lifetimes();
        this.updatedAt = now;
    }

    private static String requireName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > NAME_MAX) {
            throw new InvalidInputException("name", "The name (Bezeichnung) must be 1 to " + NAME_MAX + " characters.");
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", "The name must not contain control characters.");
        }
        return trimmed;
    }

    private static User requireUser(User user, Set<Scope> scopes) {
        if (user == null) {
            throw new InvalidInputException("user", "An application acts with the rights of a user (Benutzer).");
        }
        if (scopes != null && scopes.contains(Scope.ADMIN) && !user.hasRole(Role.ADMIN)) {
            throw new InvalidInputException("scopes", "The scope 'admin' needs a user with the role 'admin'.");
        }
        return user;
    }

    private static List<String> registerRedirectUris(List<String> uris, ClientType type) {
        List<String> list = uris == null ? List.of() : uris;
        if (list.size() > MAX_REDIRECT_URIS) {
            throw new InvalidInputException("redirectUris", "At most " + MAX_REDIRECT_URIS + " redirect URIs.");
        }
        if (type == ClientType.PUBLIC && list.isEmpty()) {
            throw new InvalidInputException("redirectUris", "A public client needs at least one redirect URI.");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String raw : list) {
            unique.add(RedirectUri.register(raw, type).value());
        }
        if (unique.size() != list.size()) {
            throw new InvalidInputException("redirectUris", "Redirect URIs must not repeat.");
        }
        return new ArrayList<>(unique);
    }

    private Set<Scope> requireScopes(Set<Scope> requested) {
        if (!realm.equals(RealmId.ERP)) {
            // a cloud realm's applications reach the cloud's API and nothing else
            if (requested == null || !requested.equals(EnumSet.of(Scope.CLOUD))) {
                throw new InvalidInputException("scopes", "A cloud application has exactly the scope 'cloud'.");
            }
            return EnumSet.copyOf(requested);
        }
        if (requested != null && requested.contains(Scope.CLOUD)) {
            throw new InvalidInputException("scopes", "The scope 'cloud' is only for applications in the cloud.");
        }
        if (requested == null || !requested.contains(Scope.GRAPHQL)) {
            throw new InvalidInputException("scopes", "An application needs at least the scope 'graphql'.");
        }
        if (requested.contains(Scope.ADMIN) && !kind.isOwn()) {
            throw new InvalidInputException("scopes", "The scope 'admin' is only for own applications.");
        }
        return EnumSet.copyOf(requested);
    }

    /**
     * Issues a new secret. The old one stays valid for {@code grace} (zero ends it at once), so
     * that a partner app can switch without downtime.
     */
    public ClientSecret rotateSecret(Duration grace, ClientCredentialsFactory credentials, Instant now) {
        if (clientType != ClientType.CONFIDENTIAL) {
            throw new InvalidInputException("clientType", "A public client has no secret to rotate.");
        }
        if (fapi2Since != null) {
            throw new InvalidInputException(
                    "fapi2",
                    "FAPI 2.0 allows no client secret (private_key_jwt only): switch FAPI 2.0 off, which issues"
                            + " a new secret, or register new keys.");
        }
        if (grace.isNegative() || grace.getSeconds() > MAX_GRACE_SECONDS) {
            throw new InvalidInputException(
                    "graceSeconds", "The grace period is 0 to " + MAX_GRACE_SECONDS + " seconds (30 days).");
        }
        ClientSecret secret = credentials.newSecret();
        if (grace.isZero() || jwks != null) {
            this.previousSecretHash = null;
            this.previousSecretValidUntil = null;
        } else {
            this.previousSecretHash = this.secretHash;
            this.previousSecretValidUntil = now.plus(grace);
        }
        this.secretHash = credentials.hash(secret);
        this.jwks = null;
        this.jwksUri = null;
        this.updatedAt = now;
        return secret;
    }

    /**
     * Authenticates from now on with {@code private_key_jwt} and these keys (RFC 7523 §2.2): the
     * secret, and a previous one in its grace period, stop working at once. Issuing a new secret
     * ({@link #rotateSecret}) goes back to the secret and removes the keys.
     */
    public void registerKeys(ClientKeys keys, Instant now) {
        registerKeys(keys, null, now);
    }

    /**
     * The same with keys the partner app publishes at {@code uri} (fetched as {@code keys} just
     * now); they are fetched again while it authenticates. Registering a set without a uri ends that.
     */
    public void registerKeys(ClientKeys keys, JwksUri uri, Instant now) {
        if (clientType != ClientType.CONFIDENTIAL) {
            throw new InvalidInputException(
                    "clientType", "Only a confidential client can authenticate with keys (private_key_jwt).");
        }
        this.jwks = keys.json();
        this.jwksUri = uri == null ? null : uri.toString();
        this.secretHash = null;
        this.previousSecretHash = null;
        this.previousSecretValidUntil = null;
        this.updatedAt = now;
    }

    /** Where the partner app publishes its keys; null for keys registered as a set (or none). */
    public String getJwksUri() {
        return jwksUri;
    }

    /** The registered keys; null while the application authenticates with a secret or as a public client. */
    public ClientKeys getKeys() {
        return ClientKeys.ofStored(jwks);
    }

    /**
     * Whether authorization requests must be pushed first (RFC 9126 §6, {@code
     * require_pushed_authorization_requests}): chosen, or required by FAPI 2.0.
     */
    public boolean requiresPushedRequests() {
        return requirePar || fapi2Since != null;
    }

    public void requirePushedRequests(boolean required, Instant now) {
        if (fapi2Since != null) {
            if (!required) {
                throw new InvalidInputException(
                        "requirePushedAuthorizationRequests",
                        "FAPI 2.0 requires pushed authorization requests (PAR); switch FAPI 2.0 off first.");
            }
            // implied by the switch: the choice made before it stays for when it is switched off
            return;
        }
        if (required != requirePar) {
            this.requirePar = required;
            this.updatedAt = now;
        }
    }

    /**
     * Turns the FAPI 2.0 switch on (FAPI 2.0 Security Profile §5): from {@code now} the application
     * authenticates with {@code private_key_jwt} only, pushes its authorization requests and gets
     * DPoP-bound access tokens only; tokens issued before are refused. Only for a confidential
     * client that registered its keys (its secret is gone with that); revoking its grants is the
     * caller's part. Switching on again changes nothing.
     */
    public void enableFapi2(Instant now) {
        if (clientType != ClientType.CONFIDENTIAL || builtIn) {
            throw new InvalidInputException(
                    "fapi2", "FAPI 2.0 is only for confidential clients (FAPI 2.0 Security Profile §5.3.2.1).");
        }
        if (jwks == null) {
            throw new InvalidInputException(
                    "fapi2",
                    "FAPI 2.0 allows no client secret: register the partner app's public keys (private_key_jwt)"
                            + " first.");
        }
        if (fapi2Since == null) {
            this.fapi2Since = now;
            this.updatedAt = now;
        }
    }

    /**
     * Turns the FAPI 2.0 switch off, which needs a new secret: the application authenticates with
     * it from now on (its keys are removed, as by {@link #rotateSecret}); PAR stays as chosen before.
     */
    public ClientSecret disableFapi2(ClientCredentialsFactory credentials, Instant now) {
        if (fapi2Since == null) {
            throw new InvalidInputException("fapi2", "FAPI 2.0 is not switched on for this application.");
        }
        this.fapi2Since = null;
        return rotateSecret(Duration.ZERO, credentials, now);
    }

    /** When FAPI 2.0 was switched on; null while it is off. */
    public Instant getFapi2Since() {
        return fapi2Since;
    }

    public void deactivate(Instant now) {
        this.active = false;
        this.updatedAt = now;
    }

    /** The secret-checking view of this application, safe to cache (hashes only). */
    public ClientCredentials credentials() {
        return new ClientCredentials(
                realm,
                clientId,
                kind,
                clientType,
                active,
                secretHash,
                previousSecretHash,
                previousSecretValidUntil,
                ClientKeys.ofStored(jwks),
                jwksUri == null ? null : JwksUri.parse(jwksUri, true),
                fapi2Since,
                user == null ? null : user.getLogin(),
                builtIn,
                EnumSet.copyOf(scopes),
                List.copyOf(redirectUris),
                lifetimes.accessTokenSeconds(),
                lifetimes.refreshTokenSeconds());
    }

    public Long getId() {
        return id;
    }

    public RealmId getRealm() {
        return realm;
    }

    public String getName() {
        return name;
    }

    public ApplicationKind getKind() {
        return kind;
    }

    public ClientType getClientType() {
        return clientType;
    }

    public ClientId getClientId() {
        return clientId;
    }

    public User getUser() {
        return user;
    }

    public boolean isBuiltIn() {
        return builtIn;
    }

    public List<String> getRedirectUris() {
        return List.copyOf(redirectUris);
    }

    public Set<Scope> getScopes() {
        return EnumSet.copyOf(scopes);
    }

    public boolean isActive() {
        return active;
    }

    public TokenLifetimes getLifetimes() {
        return lifetimes;
    }

    public Instant getPreviousSecretValidUntil() {
        return previousSecretValidUntil;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
