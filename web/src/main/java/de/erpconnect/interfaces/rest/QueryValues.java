package de.erpconnect.interfaces.rest;

import de.erpconnect.domain.shared.InvalidInputException;

/** Parses numeric query and path values so that garbage is a 400 with a message, not a 404. */
public final class QueryValues {

    private QueryValues() {}

    public static Integer optionalInt(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(raw);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, name + " must be a whole number.");
        }
    }

    public static long id(String raw) {
        try {
            long id = Long.parseLong(raw);
            if (id < 1 || id > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("id", "The id must be a positive whole number.");
        }
    }
}
