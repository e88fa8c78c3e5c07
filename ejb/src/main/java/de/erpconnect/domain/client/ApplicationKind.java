package de.erpconnect.domain.client;

import de.erpconnect.domain.shared.InvalidInputException;
import java.util.regex.Pattern;

/**
 * "Anwendungsart": an own application ({@code OWN}, "Eigene Anwendung") or an activated partner
 * app, named by its partner-app id.
 */
public record ApplicationKind(String value) {

    public static final int MAX_LENGTH = 64;
    private static final Pattern PARTNER_APP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    public static final ApplicationKind OWN = new ApplicationKind("OWN");

    public ApplicationKind {
        if (value == null || !PARTNER_APP_ID.matcher(value).matches()) {
            throw new InvalidInputException("kind", "The kind is \"OWN\" or the id of an activated partner app.");
        }
    }

    public boolean isOwn() {
        return OWN.value.equals(value);
    }
}
