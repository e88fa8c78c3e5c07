package de.erpconnect.application.shared;

import de.erpconnect.domain.shared.FieldError;
import de.erpconnect.domain.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/** Zero-based page and page size of a list request, checked once. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;
    public static final int MAX_PAGE = 1_000_000;

    public PageRequest {
        List<FieldError> errors = new ArrayList<>();
        if (page < 0 || page > MAX_PAGE) {
            errors.add(new FieldError("page", "page must be between 0 and " + MAX_PAGE + "."));
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add(new FieldError("size", "size must be between 1 and " + MAX_SIZE + "."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public int offset() {
        return page * size;
    }
}
