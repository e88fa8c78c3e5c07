package de.erpconnect.domain.cloud;

import de.erpconnect.domain.shared.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/** An e-mail address as far as a mail session needs it: one {@code @}, a dotted domain, no spaces. */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;
    private static final Pattern SYNTAX =
            Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    public EmailAddress {
        if (value == null
                || value.length() > MAX_LENGTH
                || !SYNTAX.matcher(value).matches()) {
            throw new InvalidInputException("email", "The e-mail address is not valid.");
        }
    }

    public static EmailAddress parse(String raw) {
        return new EmailAddress(raw == null ? null : raw.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
