package de.erpconnect.interfaces.oauth;

import java.io.Serializable;
import java.util.List;

/**
 * An authorization request waiting for the user's consent, kept in the user's session under a
 * random id that the consent page carries. Used once.
 */
public record PendingAuthorization(
        String id,
        String clientId,
        String redirectUri,
        String scope,
        String codeChallenge,
        String codeChallengeMethod,
        String state,
        String applicationName,
        String kindName,
        List<String> scopes)
        implements Serializable {

    /** Everything but the id, which the session store assigns. */
    public interface Builder {
        PendingAuthorization build(String id);
    }
}
