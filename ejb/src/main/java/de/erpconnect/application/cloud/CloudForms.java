package de.erpconnect.application.cloud;

import de.erpconnect.domain.shared.FieldError;
import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.user.PasswordPolicy;
import java.util.List;
import java.util.function.Supplier;

/**
 * The checks of the cloud's forms (registration, new password), collecting every broken rule
 * with its field, so that a form answers all of them at once.
 */
final class CloudForms {

    private CloudForms() {}

    static void checkNewPassword(List<FieldError> errors, String password, String confirmation) {
        PasswordPolicy.violations(password).forEach(p -> errors.add(new FieldError("password", p)));
        if (password != null && !password.equals(confirmation)) {
            errors.add(new FieldError("passwordConfirmation", "The password confirmation does not match."));
        }
    }

    static String required(List<FieldError> errors, String field, String value, String message) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty() || trimmed.codePoints().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, message));
        }
        return trimmed;
    }

    static <T> T field(List<FieldError> errors, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidInputException e) {
            errors.addAll(e.fieldErrors());
            return null;
        }
    }
}
