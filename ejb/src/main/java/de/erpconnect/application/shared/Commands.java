package de.erpconnect.application.shared;

import de.erpconnect.domain.shared.FieldError;
import de.erpconnect.domain.shared.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Checks a command record's Bean Validation constraints at the service contract and turns the
 * violations into one {@link InvalidInputException} naming each field (no values echoed back).
 */
@ApplicationScoped
public class Commands {

    @Inject
    Validator validator;

    public <T> T validated(T command) {
        if (command == null) {
            throw new InvalidInputException("body", "The request body is missing.");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(command);
        if (!violations.isEmpty()) {
            List<FieldError> errors = violations.stream()
                    .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                    .toList();
            throw new InvalidInputException(errors);
        }
        return command;
    }
}
