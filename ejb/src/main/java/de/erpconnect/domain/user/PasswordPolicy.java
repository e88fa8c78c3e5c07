package de.erpconnect.domain.user;

import de.erpconnect.domain.shared.FieldError;
import de.erpconnect.domain.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The password rules of DESIGN §4: at least 8 characters with an upper-case letter, a lower-case
 * letter and a special character. bcrypt reads at most 72 bytes, so longer passwords are refused
 * rather than silently truncated. Every broken rule gets its own message.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_BYTES = 72;

    private PasswordPolicy() {}

    public static List<String> violations(String password) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add("The password is required.");
            return problems;
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            problems.add("The password must have at least " + MIN_LENGTH + " characters.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            problems.add("The password must not be longer than " + MAX_BYTES + " bytes.");
        }
        if (password.codePoints().noneMatch(Character::isUpperCase)) {
            problems.add("The password must contain an upper-case letter.");
        }
        if (password.codePoints().noneMatch(Character::isLowerCase)) {
            problems.add("The password must contain a lower-case letter.");
        }
        if (password.codePoints().allMatch(Character::isLetterOrDigit)) {
            problems.add("The password must contain a special character.");
        }
        if (password.codePoints().anyMatch(Character::isISOControl)) {
            problems.add("The password must not contain control characters.");
        }
        return problems;
    }

    /** Throws one {@link InvalidInputException} listing every broken rule for {@code field}. */
    public static void check(String field, String password) {
        List<String> problems = violations(password);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(
                    problems.stream().map(p -> new FieldError(field, p)).toList());
        }
    }
}
