package de.erpconnect.domain.cloud;

import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.shared.RealmId;
import java.util.regex.Pattern;

/** A customer number (Kundennummer): digits only; it names the customer's realm in the cloud. */
public record CustomerNumber(String value) {

    public static final int MAX_LENGTH = 20;
    private static final Pattern SYNTAX = Pattern.compile("[0-9]{1,20}");

    public CustomerNumber {
        if (value == null || !SYNTAX.matcher(value).matches()) {
            throw new InvalidInputException("customerNumber", "A customer number is 1 to 20 digits.");
        }
    }

    /** Parses what a person typed (spaces around it are ignored). */
    public static CustomerNumber parse(String raw) {
        return new CustomerNumber(raw == null ? null : raw.strip());
    }

    public RealmId realm() {
        return RealmId.of(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
