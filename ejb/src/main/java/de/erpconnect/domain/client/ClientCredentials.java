package de.erpconnect.domain.client;

import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.user.LoginName;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An immutable snapshot of what the token endpoint needs to authenticate a client and issue its
 * tokens. Holds hashes and public keys only, so it may be cached. {@code keys} is set for a client
 * that authenticates with {@code private_key_jwt} (it then has no secret), {@code jwksUri} when it
 * publishes them itself ({@code keys} are then the set fetched at registration); {@code fapi2Since} when
 * the FAPI 2.0 switch was turned on, null while it is off. {@code user} is null only for the
 * built-in client, which acts for whoever logs in.
 */
public record ClientCredentials(
        RealmId realm,
        ClientId clientId,
        ApplicationKind kind,
        ClientType clientType,
        boolean active,
        String secretHash,
        String previousSecretHash,
        Instant previousSecretValidUntil,
        ClientKeys keys,
        JwksUri jwksUri,
        Instant fapi2Since,
        LoginName user,
        boolean builtIn,
        Set<Scope> scopes,
        List<String> redirectUris,
        int accessTokenSeconds,
        int refreshTokenSeconds) {

    /** Whether the FAPI 2.0 switch is on: private_key_jwt, PAR and DPoP-bound access tokens only. */
    public boolean fapi2() {
        return fapi2Since != null;
    }

    /**
     * Whether an access token issued at {@code issuedAt} (seconds, as in its {@code iat}), bound to a
     * DPoP key or not, may still be used under the FAPI 2.0 switch: bound, and issued after the second
     * in which it was turned on (no token of the application is issued within that second, see
     * {@link #issuesUnderFapi2}, so that one issued before the switch in the same second is refused too).
     */
    public boolean acceptsUnderFapi2(long issuedAt, boolean bound) {
        return fapi2Since == null || (bound && issuedAt > fapi2Since.getEpochSecond());
    }

    /** Whether tokens may be issued at {@code now}: not within the second the switch was turned on. */
    public boolean issuesUnderFapi2(Instant now) {
        return fapi2Since == null || now.getEpochSecond() > fapi2Since.getEpochSecond();
    }

    /** Whether a token with this subject may have been issued to this client. */
    public boolean actsFor(String login) {
        return builtIn || (user != null && user.value().equals(login));
    }

    /** Whether {@code rawSecret} is the current secret, or the previous one within its grace period. */
    public boolean matchesSecret(String rawSecret, SecretHasher hasher, Instant now) {
        if (rawSecret == null || secretHash == null) {
            return false;
        }
        boolean current = hasher.matches(rawSecret, secretHash);
        boolean previous = previousSecretHash != null
                && previousSecretValidUntil != null
                && now.isBefore(previousSecretValidUntil)
                && hasher.matches(rawSecret, previousSecretHash);
        return current | previous;
    }
}
