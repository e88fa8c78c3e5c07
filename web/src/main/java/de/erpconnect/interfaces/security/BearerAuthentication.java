package de.erpconnect.interfaces.security;

import de.erpconnect.application.cloud.CloudCaller;
import de.erpconnect.application.erp.ErpWriteService;
import de.erpconnect.application.token.BearerCallers;
import de.erpconnect.application.token.DpopProofs;
import de.erpconnect.application.token.SignedJwts;
import de.erpconnect.application.user.CallerState;
import de.erpconnect.common.Settings;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.token.DpopNonceRequiredException;
import de.erpconnect.domain.token.OAuthException;
import de.erpconnect.domain.user.LoginName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Bearer tokens of our own issuers (RFC 6750): the ERP's access tokens on {@code /graphql} and
 * {@code /api/*}, a cloud realm's on its API. The token is verified by {@link AccessTokenVerifier};
 * whether it may still be used, and the caller's roles, come from the live state
 * ({@link BearerCallers}), never from the token's {@code groups} (DESIGN §6). Whether the caller may
 * use GraphQL at all is decided here, once per request.
 */
@ApplicationScoped
class BearerAuthentication {

    @Inject
    AccessTokenVerifier verifier;

    @Inject
    BearerCallers bearerCallers;

    @Inject
    SignedJwts signedJwts;

    @Inject
    DpopProofs dpopProofs;

    @Inject
    Settings settings;

    /**
     * An ERP access token, presented as {@code Bearer} or, {@code dpop}, as {@code DPoP} with a proof
     * in the {@code DPoP} header (RFC 9449 §7): a token bound to a key is refused without a valid
     * proof of that key for this request, and a bearer token is refused with the DPoP scheme.
     */
    AuthenticationStatus erp(
            String token,
            boolean dpop,
            boolean graphql,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpMessageContext context) {
        VerifiedToken verified;
        try {
            verified = verifier.verify(token);
        } catch (InvalidTokenException e) {
            return unauthorized(dpop, request, response, "invalid_token", e.getMessage());
        }
        if (verified.dpopBound() != dpop) {
            return unauthorized(
                    dpop,
                    request,
                    response,
                    "invalid_token",
                    dpop
                            ? "The token is not bound to a DPoP key; send it as 'Authorization: Bearer'."
                            : "The token is bound to a DPoP key; send it as 'Authorization: DPoP' with a DPoP proof.");
        }
        if (dpop) {
            AuthenticationStatus refused = checkProof(verified, token, request, response);
            if (refused != null) {
                return refused;
            }
        }
        Optional<CallerState> caller = bearerCallers.bearerCaller(verified.facts());
        if (caller.isEmpty()) {
            return unauthorized(
                    dpop,
                    request,
                    response,
                    "invalid_token",
                    "The token was revoked, or its user or application is deactivated, deleted or not licensed.");
        }
        if (graphql) {
            if (!caller.get().mayUseGraphql()) {
                return unauthorized(dpop, request, response, "invalid_token", "The user has no GraphQL access.");
            }
            if (!verified.hasScope("graphql")) {
                String description = "The token lacks the scope 'graphql'.";
                return dpop
                        ? Refusals.dpopRefused(
                                request,
                                response,
                                HttpServletResponse.SC_FORBIDDEN,
                                "insufficient_scope",
                                description,
                                null)
                        : Refusals.forbidden(request, response, "insufficient_scope", description);
            }
        }
        Set<String> roles = new HashSet<>(caller.get().roles());
        if (!verified.hasScope("admin")) {
            roles.remove("admin");
        }
        if (verified.hasScope(ErpWriteService.WRITE_ROLE)) {
            // GraphQL mutations need the scope graphql.write (checked by ErpWriteService)
            roles.add(ErpWriteService.WRITE_ROLE);
        }
        return context.notifyContainerAboutLogin(verified.jwt(), roles);
    }

    /**
     * The request's DPoP proof for a bound token: exactly one, valid for this method, URL and token
     * and made with the key the token is bound to. Null when it holds; the refusal otherwise. The
     * answer carries the server's current nonce, so that the partner app's next proof has it.
     */
    private AuthenticationStatus checkProof(
            VerifiedToken verified, String token, HttpServletRequest request, HttpServletResponse response) {
        List<String> proofs = Collections.list(request.getHeaders(DpopProofs.HEADER));
        if (proofs.size() != 1) {
            return Refusals.dpopRefused(
                    request,
                    response,
                    HttpServletResponse.SC_UNAUTHORIZED,
                    "invalid_dpop_proof",
                    proofs.isEmpty() ? "A DPoP proof (header DPoP) is required." : "Send one DPoP header.",
                    null);
        }
        try {
            // the public URL with the path as sent (not decoded): the request's own URL is built from its
            // Host header, which the sender chooses
            String sentPath =
                    request.getRequestURI().substring(request.getContextPath().length());
            dpopProofs.verify(
                    proofs.get(0), request.getMethod(), settings.publicUrl().resolve(sentPath), token, verified.jkt());
        } catch (OAuthException e) {
            return Refusals.dpopRefused(
                    request,
                    response,
                    HttpServletResponse.SC_UNAUTHORIZED,
                    e.error().code(),
                    e.getMessage(),
                    e instanceof DpopNonceRequiredException n ? n.nonce() : null);
        }
        response.setHeader(DpopProofs.NONCE_HEADER, dpopProofs.currentNonce());
        return null;
    }

    private static AuthenticationStatus unauthorized(
            boolean dpop, HttpServletRequest request, HttpServletResponse response, String error, String description) {
        return dpop
                ? Refusals.dpopRefused(request, response, HttpServletResponse.SC_UNAUTHORIZED, error, description, null)
                : Refusals.unauthorized(request, response, false, error, description);
    }

    AuthenticationStatus realm(
            RealmId realm,
            String token,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpMessageContext context) {
        VerifiedToken verified;
        try {
            verified = verifier.verify(realm, token);
        } catch (InvalidTokenException e) {
            return Refusals.unauthorized(request, response, false, "invalid_token", e.getMessage());
        }
        if (!verified.hasScope("cloud")) {
            return Refusals.forbidden(request, response, "insufficient_scope", "The token lacks the scope 'cloud'.");
        }
        Optional<CallerState> caller =
                bearerCallers.realmBearerCaller(realm, verified.subject(), verified.clientId(), verified.jwtId());
        if (caller.isEmpty()) {
            return Refusals.unauthorized(
                    request,
                    response,
                    false,
                    "invalid_token",
                    "The token was revoked, or its application was deleted.");
        }
        String principal = new CloudCaller(realm, new LoginName(caller.get().login())).principalName();
        return context.notifyContainerAboutLogin(principal, Set.of(CloudCaller.CLIENT_ROLE));
    }

    /** An ERP installation's call to the cloud's platform API: the realm is the one the token names. */
    AuthenticationStatus claimedRealm(
            String token, HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Optional<RealmId> claimed = signedJwts.claimedCloudRealm(token);
        if (claimed.isEmpty()) {
            return Refusals.unauthorized(
                    request, response, false, "invalid_token", "The token is not a cloud realm's token.");
        }
        return realm(claimed.get(), token, request, response, context);
    }
}
