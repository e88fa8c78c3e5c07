package de.erpconnect.domain.token;

import de.erpconnect.domain.client.Scope;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/** The {@code scope} parameter (RFC 6749 §3.3): space-delimited, case-sensitive scope tokens. */
public final class ScopeParameter {

    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

    private ScopeParameter() {}

    public static Set<Scope> parse(String raw) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        if (raw == null) {
            return scopes;
        }
        for (String token : raw.split(" ", -1)) {
            if (!SCOPE_TOKEN.matcher(token).matches()) {
                throw new OAuthException(OAuthError.INVALID_SCOPE, "The scope parameter is malformed.");
            }
            scopes.add(Scope.find(token)
                    .orElseThrow(() -> new OAuthException(
                            OAuthError.INVALID_SCOPE,
                            "Unknown scope '" + token.replaceAll("[^A-Za-z0-9_.:-]", "?") + "'.")));
        }
        return scopes;
    }
}
