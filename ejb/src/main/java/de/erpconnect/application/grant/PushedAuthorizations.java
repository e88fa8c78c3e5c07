package de.erpconnect.application.grant;

import de.erpconnect.application.token.ClientAuthentication;
import de.erpconnect.common.Settings;
import de.erpconnect.domain.client.ClientApplication;
import de.erpconnect.domain.client.ClientApplicationRepository;
import de.erpconnect.domain.client.ClientCredentials;
import de.erpconnect.domain.client.ClientProof;
import de.erpconnect.domain.client.RedirectUri;
import de.erpconnect.domain.grant.OpaqueToken;
import de.erpconnect.domain.grant.PushedRequest;
import de.erpconnect.domain.grant.PushedRequestRepository;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.token.AuthorizationPageException;
import de.erpconnect.domain.token.AuthorizationPageException.Reason;
import de.erpconnect.domain.token.OAuthError;
import de.erpconnect.domain.token.OAuthException;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Pushed authorization requests (RFC 9126): the client authenticates as at the token endpoint and
 * sends its authorization request on the back channel; it is checked at once by the authorization
 * endpoint's rules (registered redirect URI, {@code response_type=code}, PKCE S256, scopes) and kept
 * ({@code ERPCONNECT_OAUTH_PAR_SECONDS}, default 60 s, as Keycloak's) under a {@code request_uri} that the user's browser brings to the
 * authorization endpoint instead — used once. The user's own part (who grants, remembered consent)
 * is decided there as for any request.
 */
@Stateless
@PermitAll
public class PushedAuthorizations {

    /** RFC 9126 §2.2: the prefix of every request_uri. */
    public static final String URI_PREFIX = "urn:ietf:params:oauth:request_uri:";

    @Inject
    ClientAuthentication clientAuthentication;

    @Inject
    ClientApplicationRepository applications;

    @Inject
    AuthorizationService authorization;

    @Inject
    PushedRequestRepository requests;

    @Inject
    Settings settings;

    /** A pushed request's handle: {@code request_uri} and its lifetime in seconds (RFC 9126 §2.2). */
    public record Pushed(String requestUri, long expiresIn) {}

    /**
     * The parameters of a pushed request, as the client sent them ({@code client_id}, if any, was
     * compared with the client's authentication already).
     */
    public record Parameters(
            String responseType,
            String redirectUri,
            String scope,
            String state,
            String codeChallenge,
            String codeChallengeMethod,
            String requestUri) {}

    /** Checks and keeps a pushed request; each step commits on its own, like a token request. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Pushed push(ClientProof proof, String remoteAddress, Parameters p) {
        ClientCredentials client = clientAuthentication.authenticateUsable(proof, remoteAddress);
        String clientId = client.clientId().value();
        if (p.requestUri() != null) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "A pushed request cannot itself name a request_uri.");
        }
        if (!"code".equals(p.responseType())) {
            throw new OAuthException(OAuthError.UNSUPPORTED_RESPONSE_TYPE, "Only response_type=code is supported.");
        }
        try {
            authorization.checkClientAndRedirect(clientId, p.redirectUri());
        } catch (AuthorizationPageException e) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, e.getMessage());
        }
        if (p.redirectUri().length() > RedirectUri.MAX_LENGTH) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "The redirect_uri is too long.");
        }
        AuthorizationService.checkPkce(p.codeChallenge(), p.codeChallengeMethod());
        if (p.scope() != null && p.scope().length() > PushedRequest.MAX_SCOPE_LENGTH) {
            throw new OAuthException(OAuthError.INVALID_SCOPE, "The scope parameter is too long.");
        }
        ClientApplication app = applications
                .findByClientId(RealmId.ERP, client.clientId())
                .orElseThrow(() -> new OAuthException(OAuthError.INVALID_CLIENT, "The application is unknown."));
        AuthorizationService.requestedScopes(app, p.scope());
        if (p.state() != null && p.state().length() > PushedRequest.MAX_STATE_LENGTH) {
            throw new OAuthException(
                    OAuthError.INVALID_REQUEST,
                    "state may have at most " + PushedRequest.MAX_STATE_LENGTH + " characters.");
        }
        String value = OpaqueToken.generate();
        requests.store(
                RealmId.ERP.value(),
                OpaqueToken.hash(value),
                new PushedRequest(
                        clientId,
                        p.redirectUri(),
                        p.scope(),
                        p.state(),
                        p.codeChallenge(),
                        Instant.now().plus(Duration.ofSeconds(settings.parSeconds()))));
        return new Pushed(URI_PREFIX + value, settings.parSeconds());
    }

    /**
     * The pushed request a browser brings with {@code client_id} and {@code request_uri}, taken for
     * good; an unknown, expired, used or another client's request_uri is shown on our page (nothing
     * about it can be trusted to redirect to).
     */
    public PushedRequest take(String clientId, String requestUri) {
        if (clientId == null) {
            throw unusable();
        }
        String value = value(requestUri).orElseThrow(PushedAuthorizations::unusable);
        return requests.take(RealmId.ERP.value(), OpaqueToken.hash(value), clientId, Instant.now())
                .orElseThrow(PushedAuthorizations::unusable);
    }

    /**
     * Holds a pushed request for the user's login (ERPCONNECT_OAUTH_LOGIN_TIMEOUT_SECONDS): its own
     * lifetime covers the way from the push to the authorization endpoint, not the typing of a
     * password. Only an unused, unexpired request of this client is extended, and only once; anything
     * else is left to the authorization endpoint to refuse after the login.
     */
    public void holdForLogin(String clientId, String requestUri) {
        Optional<String> value = value(requestUri);
        if (clientId != null && value.isPresent()) {
            Instant now = Instant.now();
            requests.extend(
                    RealmId.ERP.value(),
                    OpaqueToken.hash(value.get()),
                    clientId,
                    now,
                    now.plus(settings.loginTimeout()));
        }
    }

    /** The random part of a request_uri of ours; empty for anything else. */
    private static Optional<String> value(String requestUri) {
        if (requestUri == null || !requestUri.startsWith(URI_PREFIX)) {
            return Optional.empty();
        }
        String value = requestUri.substring(URI_PREFIX.length());
        return OpaqueToken.isWellFormed(value) ? Optional.of(value) : Optional.empty();
    }

    private static AuthorizationPageException unusable() {
        return new AuthorizationPageException(
                "invalid_request_uri",
                Reason.REQUEST_URI,
                "The request_uri is unknown, expired, was used before or belongs to another application.");
    }
}
