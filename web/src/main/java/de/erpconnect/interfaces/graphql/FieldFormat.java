package de.erpconnect.interfaces.graphql;

import de.erpconnect.domain.erp.FieldType;
import de.erpconnect.domain.shared.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code as:} forms of a field value (reference §2.4): {@code TEXT}/{@code DISPLAY_TEXT}
 * localized as the German ERP shows it ("5.000,00", "24.12.2023", "Ja"), {@code STRING} raw,
 * {@code FLOAT}, {@code INT}, {@code BOOLEAN}. Without {@code as:} the natural type is returned.
 */
enum FieldFormat {
    TEXT,
    DISPLAY_TEXT,
    STRING,
    FLOAT,
    INT,
    BOOLEAN;

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter GERMAN_TIMESTAMP = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

    Object apply(String fieldName, FieldType type, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[]) {
            return natural(value);
        }
        return switch (this) {
            case TEXT, DISPLAY_TEXT -> text(type, value);
            case STRING -> raw(value);
            case FLOAT -> toFloat(fieldName, value);
            case INT -> toInt(fieldName, value);
            case BOOLEAN -> toBoolean(fieldName, value);
        };
    }

    static Object natural(Object value) {
        if (value instanceof byte[] bytes) {
            return java.util.Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof Instant || value instanceof LocalDate) {
            return value.toString();
        }
        return value;
    }

    private static String text(FieldType type, Object value) {
        if (value instanceof BigDecimal d) {
            DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.GERMANY));
            return format.format(d.setScale(2, RoundingMode.HALF_UP));
        }
        if (value instanceof Double d) {
            return DecimalFormat.getNumberInstance(Locale.GERMANY).format(d);
        }
        if (value instanceof Boolean b) {
            return b ? "Ja" : "Nein";
        }
        if (value instanceof LocalDate d) {
            return d.format(GERMAN_DATE);
        }
        if (value instanceof Instant i) {
            return i.atZone(BERLIN).format(type == FieldType.DATE ? GERMAN_DATE : GERMAN_TIMESTAMP);
        }
        return value.toString();
    }

    private static String raw(Object value) {
        return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }

    private static Object toFloat(String field, Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        try {
            return GermanText.decimal(value.toString()).doubleValue();
        } catch (NumberFormatException e) {
            throw cannot(field, "FLOAT");
        }
    }

    private static Object toInt(String field, Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return value;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw cannot(field, "INT");
        }
    }

    private static Object toBoolean(String field, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value.toString().isBlank()) {
            return false;
        }
        Boolean yesNo = GermanText.yesNo(value.toString());
        if (yesNo == null) {
            throw cannot(field, "BOOLEAN");
        }
        return yesNo;
    }

    private static InvalidInputException cannot(String field, String format) {
        return new InvalidInputException(field, "The value of " + field + " cannot be read as " + format + ".");
    }
}
