package de.erpconnect.domain.token;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The claims of an RFC 9068 access token, and the one format of it that the signer writes and the
 * verifier reads: header {@code typ} {@value #TYPE}, the claims named here. {@code groups}
 * (MP-JWT roles) is informational: the server reads roles live from the user table on every
 * request (DESIGN §6). {@code grantId} (claim {@value #GRANT_ID}) names the grant of tokens from the
 * authorization-code flow, null otherwise. {@code jkt} is the thumbprint of the DPoP key the token
 * is bound to (RFC 9449 §6.1, claim {@code cnf}), null for a bearer token.
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
        Long grantId,
        String jkt) {

    /** The JOSE header {@code typ} of an access token (RFC 9068 §2.1). */
    public static final String TYPE = "at+jwt";

    public static final String CLIENT_ID = "client_id";
    public static final String SCOPE = "scope";
    public static final String GRANT_ID = "gid";
    public static final String GROUPS = "groups";
    public static final String CONFIRMATION = "cnf";
    public static final String THUMBPRINT = "jkt";

    /** The claims a verifier requires: an access token without one of them is refused. */
    public static final Set<String> REQUIRED = Set.of("sub", "exp", "iat", "jti", CLIENT_ID, SCOPE);

    public List<String> sortedGroups() {
        return groups.stream().sorted().toList();
    }

    /** The payload the signer writes. */
    public JsonObject toJson(JsonProvider json) {
        JsonArrayBuilder roles = json.createArrayBuilder();
        sortedGroups().forEach(roles::add);
        JsonObjectBuilder payload = json.createObjectBuilder()
                .add("iss", issuer)
                .add("sub", subject)
                .add("aud", audience)
                .add(CLIENT_ID, clientId)
                .add(SCOPE, scope)
                .add("jti", jwtId)
                .add("iat", issuedAt.getEpochSecond())
                .add("exp", expiresAt.getEpochSecond())
                .add(GROUPS, roles);
        if (grantId != null) {
            payload.add(GRANT_ID, String.valueOf(grantId));
        }
        if (jkt != null) {
            payload.add(CONFIRMATION, json.createObjectBuilder().add(THUMBPRINT, jkt));
        }
        return payload.build();
    }

    /** The scopes of a {@value #SCOPE} claim. */
    public static Set<String> scopes(String scope) {
        return Arrays.stream(scope.split(" ")).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** The grant of a {@value #GRANT_ID} claim (null without one); {@code NumberFormatException} when it is not one. */
    public static Long grantId(String gid) {
        return gid == null ? null : Long.valueOf(gid);
    }
}
