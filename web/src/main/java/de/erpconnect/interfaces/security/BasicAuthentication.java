package de.erpconnect.interfaces.security;

import de.erpconnect.application.cloud.CloudCaller;
import de.erpconnect.application.user.AuthenticationService;
import de.erpconnect.application.user.CallerState;
import de.erpconnect.application.user.LoginThrottle;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.user.LockedOutException;
import de.erpconnect.domain.user.LoginName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * HTTP Basic against a realm's users (RFC 7617): the admin API's scripts in the ERP realm, the
 * vendor's API in the vendor realm. Successful checks are cached briefly (bcrypt costs ~50–100 ms,
 * DESIGN §10); failures are throttled per user and address.
 */
@ApplicationScoped
class BasicAuthentication {

    @Inject
    AuthenticationService authentication;

    @Inject
    IdentityCache basicCache;

    @Inject
    RemoteAddresses remoteAddresses;

    AuthenticationStatus authenticate(
            RealmId realm,
            String encoded,
            HttpServletRequest request,
            HttpServletResponse response,
            HttpMessageContext context) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Refusals.unauthorized(request, response, true, null, "The Basic credentials are malformed.");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Refusals.unauthorized(request, response, true, null, "The Basic credentials are malformed.");
        }
        String login = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        // the realm is part of the cache key: the same login in two realms is two people
        String cacheKey = LoginThrottle.subject(realm, login);
        String known = basicCache.find(cacheKey, password);
        Optional<CallerState> caller;
        if (known != null) {
            caller = authentication.activeCaller(realm, known);
        } else {
            try {
                caller = authentication.verifyPassword(realm, login, password, remoteAddresses.of(request));
            } catch (LockedOutException e) {
                response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
                return Refusals.refuse(request, response, 429, "slow_down", e.getMessage());
            }
            caller.ifPresent(c -> basicCache.remember(cacheKey, password, c.login()));
        }
        if (caller.isEmpty()) {
            return Refusals.unauthorized(request, response, true, null, "The user name or password is wrong.");
        }
        String principal = realm.equals(RealmId.ERP)
                ? caller.get().login()
                : new CloudCaller(realm, new LoginName(caller.get().login())).principalName();
        return context.notifyContainerAboutLogin(principal, caller.get().roles());
    }
}
