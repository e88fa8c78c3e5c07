package de.erpconnect.interfaces.oauth;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An authorization request waiting for the user's consent, kept in the user's session under a
 * random id that the consent page carries. Answered once, and only within the login timeout
 * (ERPCONNECT_OAUTH_LOGIN_TIMEOUT_SECONDS, default 10 minutes, as Keycloak's): a consent page left
 * open longer must be started again from the application.
 * {@code partnerAppName} is null for an own application; {@code pushed}: the request came through
 * PAR (RFC 9126).
 */
public record PendingAuthorization(
        String id,
        String clientId,
        String redirectUri,
        String scope,
        String codeChallenge,
        String codeChallengeMethod,
        String state,
        boolean pushed,
        String applicationName,
        String partnerAppName,
        List<String> scopes,
        Instant createdAt)
        implements Serializable {

    public boolean expired(Instant now, Duration timeout) {
        return now.isAfter(createdAt.plus(timeout));
    }

    /** Everything but the id, which the session store assigns. */
    public interface Builder {
        PendingAuthorization build(String id);
    }
}
