package de.erpconnect.domain.user;

import de.erpconnect.domain.shared.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A user's login name. Compared case-insensitively, so it is kept in lower case: "Anna" and
 * "anna" are the same user.
 */
public record LoginName(String value) {

    public static final int MAX_LENGTH = 64;
    private static final Pattern SYNTAX = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");

    public LoginName {
        if (value == null || !SYNTAX.matcher(value).matches()) {
            throw new InvalidInputException(
                    "login",
                    "The login must be 1 to 64 characters: letters, digits, '.', '_', '@' or '-', starting with a"
                            + " letter or digit.");
        }
    }

    /** Parses what a person typed: trims and lower-cases before the syntax check. */
    public static LoginName parse(String raw) {
        return new LoginName(raw == null ? null : raw.trim().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
