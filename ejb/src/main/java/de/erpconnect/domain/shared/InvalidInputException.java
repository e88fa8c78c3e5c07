package de.erpconnect.domain.shared;

import java.util.List;

/** Input that breaks one or more rules; lists every rejected field. */
public class InvalidInputException extends BusinessException {

    private static final long serialVersionUID = 1L;

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.size() == 1 ? errors.get(0).message() : "The request has " + errors.size() + " invalid fields.");
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    @Override
    public ErrorCategory category() {
        return ErrorCategory.INVALID;
    }

    @Override
    public String code() {
        return "BAD_USER_INPUT";
    }

    @Override
    public List<FieldError> fieldErrors() {
        return errors;
    }
}
