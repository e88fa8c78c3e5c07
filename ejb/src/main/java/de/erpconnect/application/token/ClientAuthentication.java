package de.erpconnect.application.token;

import de.erpconnect.application.client.ClientDirectory;
import de.erpconnect.application.event.EventLog;
import de.erpconnect.application.licence.LicenceDirectory;
import de.erpconnect.application.user.LoginThrottle;
import de.erpconnect.domain.client.ClientCredentials;
import de.erpconnect.domain.client.ClientId;
import de.erpconnect.domain.client.ClientProof;
import de.erpconnect.domain.client.ClientType;
import de.erpconnect.domain.client.SecretHasher;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.domain.shared.PrintableText;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.token.OAuthError;
import de.erpconnect.domain.token.OAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * Client authentication (RFC 6749 §2.3), the one place for the token, revocation and introspection
 * endpoints alike: a confidential client by its secret or, when it registered keys, by a signed
 * assertion ({@link ClientAssertions}, never both), a public client only identified (it must send
 * neither). Every failure is the same {@code invalid_client}, so the answer does not tell
 * whether a client id exists, and failures are throttled per client and address. A CDI bean used
 * inside each endpoint's one EJB call, so that a token costs that one call.
 */
@ApplicationScoped
public class ClientAuthentication {

    /** Hash of a throw-away secret: unknown clients cost the same time as known ones. */
    private static final String DUMMY_HASH = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    @Inject
    ClientDirectory clients;

    @Inject
    LicenceDirectory licences;

    @Inject
    SecretHasher hasher;

    @Inject
    ClientAssertions assertions;

    @Inject
    LoginThrottle throttle;

    @Inject
    EventLog events;

    /** The client of a realm: a client of another realm is unknown here (DESIGN §9). */
    public ClientCredentials authenticate(RealmId realm, ClientProof proof, String remoteAddress) {
        String printable = PrintableText.identifier(proof.clientId(), ClientId.MAX_LENGTH);
        String subject = LoginThrottle.subject(realm, printable);
        throttle.lockedFor("client", subject, remoteAddress).ifPresent(wait -> {
            long seconds = Math.max(1, wait.toSeconds() + 1);
            throw new OAuthException(
                    OAuthError.SLOW_DOWN,
                    "Too many failed client authentications; try again in " + seconds + " s.",
                    seconds);
        });
        Optional<ClientCredentials> found = clients.find(realm, proof.clientId());
        Instant now = Instant.now();
        Optional<String> refusal;
        if (found.isEmpty()) {
            hasher.matches(proof.secret() == null ? "" : proof.secret(), DUMMY_HASH);
            refusal = Optional.of(ClientAssertions.UNVERIFIED);
        } else if (found.get().clientType() == ClientType.PUBLIC) {
            refusal = proof.secret() == null && proof.assertion() == null
                    ? Optional.empty()
                    : Optional.of(ClientAssertions.UNVERIFIED);
        } else if (found.get().keys() != null) {
            // private_key_jwt: a secret is no longer accepted (RFC 7523 §2.2)
            refusal = proof.assertion() == null
                    ? Optional.of(ClientAssertions.UNVERIFIED)
                    : assertions.refusal(found.get(), realm, proof, now);
        } else {
            refusal = proof.assertion() == null && found.get().matchesSecret(proof.secret(), hasher, now)
                    ? Optional.empty()
                    : Optional.of(ClientAssertions.UNVERIFIED);
        }
        if (refusal.isPresent()) {
            throttle.failed("client", subject, remoteAddress);
            events.recordIndependently(
                    realm,
                    EventType.CLIENT_AUTHENTICATION_FAILED,
                    null,
                    remoteAddress,
                    "Client authentication failed for client id '" + printable + "'"
                            + (refusal.get().equals(ClientAssertions.UNVERIFIED) ? "." : ": " + refusal.get()));
            throw new OAuthException(OAuthError.INVALID_CLIENT, refusal.get());
        }
        throttle.succeeded("client", subject, remoteAddress);
        return found.get();
    }

    /** An authenticated client that may get tokens of the ERP: active, and allowed by the licence. */
    public ClientCredentials authenticateUsable(ClientProof proof, String remoteAddress) {
        ClientCredentials client = authenticate(RealmId.ERP, proof, remoteAddress);
        requireUsable(client, RealmId.ERP);
        return client;
    }

    /**
     * The client may get tokens: it is active and, in the ERP, allowed by the licence (a cloud realm
     * is the vendor's service, without a licence of its own).
     */
    void requireUsable(ClientCredentials client, RealmId realm) {
        if (!client.active()) {
            throw new OAuthException(OAuthError.UNAUTHORIZED_CLIENT, "The application is deactivated.");
        }
        if (realm.equals(RealmId.ERP)) {
            licences.refusal(client.kind(), client.clientType()).ifPresent(reason -> {
                throw new OAuthException(OAuthError.UNAUTHORIZED_CLIENT, reason);
            });
        }
    }

    /**
     * FAPI 2.0 §5.3.2.1: an application under the switch gets sender-constrained access tokens
     * only; its token requests carry a DPoP proof (RFC 9449 §5, as {@code dpop_bound_access_tokens}).
     */
    static void requireSenderConstraint(ClientCredentials client, String dpopJkt) {
        if (client.fapi2() && dpopJkt == null) {
            throw new OAuthException(
                    OAuthError.INVALID_DPOP_PROOF,
                    "FAPI 2.0: this application gets DPoP-bound access tokens only; send a DPoP proof (RFC 9449)"
                            + " with the token request.");
        }
        if (!client.issuesUnderFapi2(Instant.now())) {
            // tokens of the switch's own second could not be told from those issued before it
            throw new OAuthException(
                    OAuthError.SLOW_DOWN,
                    "FAPI 2.0 was switched on for this application just now; try again in 1 s.",
                    1);
        }
    }

    /** RFC 7009 §2.1, RFC 7662 §4: a client may revoke and introspect only tokens issued to itself. */
    static void requireOwnToken(ClientCredentials client, String tokenClientId) {
        if (!client.clientId().value().equals(tokenClientId)) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "The token was not issued to this client.");
        }
    }
}
