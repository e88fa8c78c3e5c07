package de.erpconnect.domain.credential;

import de.erpconnect.domain.shared.InvalidInputException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An "Art" of access credential: a code (stored), the name the admin sees (also the proposed
 * Bezeichnung) and the OAuth token endpoint that "Testen" calls, if one is configured.
 */
public record CredentialKind(String code, String displayName, Optional<String> tokenUrl) {

    public static final int CODE_MAX = 40;
    public static final String MICROTECH_CLOUD = "MICROTECH_CLOUD";
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    public CredentialKind {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new InvalidInputException("kind", "A kind code is upper case, e.g. MICROTECH_CLOUD.");
        }
    }
}
