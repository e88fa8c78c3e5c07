package de.erpconnect.application.token;

import de.erpconnect.application.cluster.ClusterCaches;
import de.erpconnect.application.event.EventLog;
import de.erpconnect.application.shared.AfterCommit;
import de.erpconnect.application.shared.ExpiringCache;
import de.erpconnect.common.Jsonp;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.token.AccessTokenClaims;
import de.erpconnect.domain.token.SigningKey;
import de.erpconnect.domain.token.SigningKeyRepository;
import de.erpconnect.infrastructure.crypto.JwsSigner;
import de.erpconnect.infrastructure.crypto.SecretCipher;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The token-signing keys (ES256). At start-up each realm gets a key pair if it has none; the
 * private key is stored encrypted with the master key and kept decrypted only in memory.
 * Verification keys are found by {@code kid} in our own table — never by fetching our own JWKS.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
@PermitAll
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);
    /** Retired keys keep verifying this long: longer than any access token lives. */
    static final Duration RETIRED_KEY_OVERLAP = Duration.ofHours(2);

    @Inject
    SigningKeyRepository keys;

    @Inject
    SecretCipher cipher;

    @Inject
    EventLog events;

    @Inject
    AfterCommit afterCommit;

    @Inject
    ClusterCaches cluster;

    private record ActiveKey(String kid, JwsSigner signer) {}

    private final Map<RealmId, ActiveKey> active = new ConcurrentHashMap<>();
    private final ExpiringCache<String, PublicKey> verification = new ExpiringCache<>(60_000, 1_000);
    private final SecureRandom random = new SecureRandom();

    @Resource
    SessionContext session;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void init() {
        active.put(RealmId.ERP, load(RealmId.ERP));
        // another node's rotation: sign with the new active key, verify with fresh public keys
        cluster.register(() -> {
            active.clear();
            verification.invalidateAll();
        });
    }

    /**
     * The realm's active key from memory; signing runs without a transaction (it is the token
     * endpoint's hot path), so a realm's first key is created through {@link #activate}.
     */
    private ActiveKey activeKey(RealmId realm) {
        ActiveKey key = active.get(realm);
        if (key == null) {
            session.getBusinessObject(SigningKeys.class).activate(realm);
            key = active.get(realm);
        }
        return key;
    }

    /**
     * Signing-key rotation with overlap (DESIGN §6): new tokens are signed with a new key at once;
     * the old key stays published and verifying until its last token has expired.
     */
    @RolesAllowed("admin")
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public PublishedKey rotate(RealmId realm, String actor) {
        keys.findActive(realm).ifPresent(k -> k.retire(Instant.now()));
        SigningKey key = create(realm);
        byte[] pkcs8 = cipher.decrypt(key.getEncryptedPrivateKey(), context(key.getKid()));
        ActiveKey fresh = new ActiveKey(key.getKid(), JwsSigner.of(JwsSigner.privateKey(pkcs8)));
        afterCommit.run(() -> active.put(realm, fresh));
        cluster.changed("signing-key");
        events.record(
                realm,
                EventType.SIGNING_KEY_ROTATED,
                actor,
                null,
                "Token signing key rotated to " + key.getKid()
                        + "; the previous key verifies until its tokens expired.");
        String[] xy = JwsSigner.coordinates(JwsSigner.publicKey(key.getPublicKey()));
        return new PublishedKey(key.getKid(), key.getAlgorithm(), xy[0], xy[1]);
    }

    /** Loads, or creates and stores, the realm's active signing key. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void activate(RealmId realm) {
        active.computeIfAbsent(realm, this::load);
    }

    private ActiveKey load(RealmId realm) {
        SigningKey key = keys.findActive(realm).orElseGet(() -> create(realm));
        byte[] pkcs8 = cipher.decrypt(key.getEncryptedPrivateKey(), context(key.getKid()));
        return new ActiveKey(key.getKid(), JwsSigner.of(JwsSigner.privateKey(pkcs8)));
    }

    private SigningKey create(RealmId realm) {
        KeyPair pair = JwsSigner.generateKeyPair();
        byte[] id = new byte[12];
        random.nextBytes(id);
        String kid = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        SigningKey key = new SigningKey(
                kid,
                realm,
                JwsSigner.ALGORITHM,
                pair.getPublic().getEncoded(),
                cipher.encrypt(pair.getPrivate().getEncoded(), context(kid)),
                Instant.now());
        keys.add(key);
        events.record(
                realm, EventType.SIGNING_KEY_CREATED, null, null, "Token signing key " + kid + " (ES256) created.");
        LOG.infof("ERPC0030: created token signing key %s (ES256) for realm %s", kid, realm);
        return key;
    }

    private static String context(String kid) {
        return "signing-key:" + kid;
    }

    /** Signs an RFC 9068 access token in its one format ({@link AccessTokenClaims}) with the realm's active key. */
    public String signAccessToken(RealmId realm, AccessTokenClaims claims) {
        return sign(realm, AccessTokenClaims.TYPE, claims.toJson(Jsonp.JSON));
    }

    /**
     * Signs a JWT of the realm with its active key. Each kind of token has its own {@code typ} and
     * audience (DESIGN §6), so that none can be replayed as another.
     */
    public String sign(RealmId realm, String type, JsonObject payload) {
        ActiveKey key = activeKey(realm);
        String header = Jsonp.JSON
                .createObjectBuilder()
                .add("alg", JwsSigner.ALGORITHM)
                .add("typ", type)
                .add("kid", key.kid())
                .build()
                .toString();
        return key.signer().sign(header, payload.toString());
    }

    /** The public key for a {@code kid} of one realm: another realm's key never verifies here. */
    public Optional<PublicKey> verificationKey(RealmId realm, String kid) {
        if (kid == null || kid.length() > 64) {
            return Optional.empty();
        }
        return verification.get(
                realm.value() + " " + kid,
                k -> keys.findByKid(kid)
                        .filter(key -> key.getRealm().equals(realm))
                        .filter(key -> key.isActive()
                                || key.getRetiredAt().isAfter(Instant.now().minus(RETIRED_KEY_OVERLAP)))
                        .map(key -> JwsSigner.publicKey(key.getPublicKey())));
    }

    /** The public keys of a realm that may still verify tokens, for JWKS (RFC 7517). */
    public List<PublishedKey> publishedKeys(RealmId realm) {
        activeKey(realm);
        return keys.findVerifying(realm, Instant.now().minus(RETIRED_KEY_OVERLAP)).stream()
                .map(k -> {
                    String[] xy = JwsSigner.coordinates(JwsSigner.publicKey(k.getPublicKey()));
                    return new PublishedKey(k.getKid(), k.getAlgorithm(), xy[0], xy[1]);
                })
                .toList();
    }

    /** A P-256 public key as JWKS publishes it. */
    public record PublishedKey(String kid, String algorithm, String x, String y) {}
}
