package de.erpconnect.domain.cloud;

import de.erpconnect.domain.shared.InvalidInputException;

/** The company name of a customer realm, as the vendor's sales staff entered it. */
public record CompanyName(String value) {

    public static final int MAX_LENGTH = 200;

    public CompanyName {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) {
            throw new InvalidInputException(
                    "companyName", "The company name must be 1 to " + MAX_LENGTH + " characters.");
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("companyName", "The company name must not contain control characters.");
        }
        value = trimmed;
    }
}
