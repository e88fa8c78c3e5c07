package de.erpconnect.interfaces.security;

import de.erpconnect.application.cloud.CloudCaller;
import de.erpconnect.application.erp.ErpWriteService;
import de.erpconnect.application.token.BearerCallers;
import de.erpconnect.application.token.SignedJwts;
import de.erpconnect.application.user.CallerState;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.user.LoginName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
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

    AuthenticationStatus erp(
            String token,
            boolean graphql,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpMessageContext context) {
        VerifiedToken verified;
        try {
            verified = verifier.verify(token);
        } catch (InvalidTokenException e) {
            return Refusals.unauthorized(request, response, false, "invalid_token", e.getMessage());
        }
        Optional<CallerState> caller = bearerCallers.bearerCaller(
                verified.subject(), verified.clientId(), verified.jwtId(), verified.grantId());
        if (caller.isEmpty()) {
            return Refusals.unauthorized(
                    request,
                    response,
                    false,
                    "invalid_token",
                    "The token was revoked, or its user or application is deactivated, deleted or not licensed.");
        }
        if (graphql) {
            if (!caller.get().mayUseGraphql()) {
                return Refusals.unauthorized(
                        request, response, false, "invalid_token", "The user has no GraphQL access.");
            }
            if (!verified.hasScope("graphql")) {
                return Refusals.forbidden(
                        request, response, "insufficient_scope", "The token lacks the scope 'graphql'.");
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
