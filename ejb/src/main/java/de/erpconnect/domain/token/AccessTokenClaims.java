package de.erpconnect.domain.token;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The claims of an RFC 9068 access token. {@code groups} (MP-JWT roles) is informational: the
 * server reads roles live from the user table on every request (DESIGN §6). {@code grantId} (claim
 * {@code gid}) names the grant of tokens from the authorization-code flow, null otherwise.
 */
public record AccessTokenClaims(
        String issuer,
        String subject,
        String audience,
        String clientId,
        String scope,
        String jwtId,
        Instant issuedAt,
        Instant expiresAt,
        Set<String> groups,
        Long grantId) {

    public List<String> sortedGroups() {
        return groups.stream().sorted().toList();
    }
}
