package de.erpconnect.interfaces.graphql;

import de.erpconnect.domain.erp.FieldMeta;
import de.erpconnect.domain.shared.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * Converts a value from a request (key value, filter operand, cursor part) to the natural type of
 * the field it is compared with; a value that does not fit is a clear input error.
 */
final class FieldValues {

    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private FieldValues() {}

    /**
     * The one value given in a value wrapper such as {@code {string: "10000"}}: null if none of
     * {@code wrappers} is set, an input error with {@code several} if more than one is.
     */
    static Object single(Map<?, ?> wrapper, Iterable<?> wrappers, String argName, String several) {
        Object value = null;
        for (Object name : wrappers) {
            Object v = wrapper.get(name);
            if (v != null) {
                if (value != null) {
                    throw new InvalidInputException(argName, several);
                }
                value = v;
            }
        }
        return value;
    }

    static Object coerce(String argName, FieldMeta field, Object raw) {
        if (raw == null) {
            return null;
        }
        String text = raw.toString().trim();
        try {
            return switch (field.type()) {
                case STRING, GUID -> text(argName, field, raw.toString());
                case INT -> raw instanceof Number n ? exactInt(n) : Integer.parseInt(text);
                case BIGINT ->
                    raw instanceof Number n ? new BigDecimal(n.toString()).longValueExact() : Long.parseLong(text);
                case DECIMAL -> raw instanceof Number n ? new BigDecimal(n.toString()) : GermanText.decimal(text);
                case BOOLEAN -> bool(argName, field, raw, text);
                case DATE -> text.contains(".") ? LocalDate.parse(text, GERMAN_DATE) : LocalDate.parse(text);
                case TIMESTAMP -> java.time.Instant.parse(text);
                case BINARY -> java.util.Base64.getDecoder().decode(text);
            };
        } catch (IllegalArgumentException | ArithmeticException | DateTimeParseException e) {
            throw new InvalidInputException(
                    argName,
                    "The value '" + text + "' for " + field.graphqlName() + " is not a valid "
                            + field.type().name().toLowerCase(Locale.ROOT) + ".");
        }
    }

    /** Any text but U+0000, which no ERP field holds and PostgreSQL cannot store. */
    private static String text(String argName, FieldMeta field, String value) {
        if (value.indexOf('\u0000') >= 0) {
            throw new InvalidInputException(
                    argName, "The value for " + field.graphqlName() + " must not contain the character U+0000.");
        }
        return value;
    }

    private static int exactInt(Number n) {
        return new BigDecimal(n.toString()).intValueExact();
    }

    private static Boolean bool(String argName, FieldMeta field, Object raw, String text) {
        if (raw instanceof Boolean b) {
            return b;
        }
        Boolean value = GermanText.yesNo(text);
        if (value == null) {
            throw new InvalidInputException(
                    argName, "The value '" + text + "' for " + field.graphqlName() + " is not a boolean.");
        }
        return value;
    }
}
