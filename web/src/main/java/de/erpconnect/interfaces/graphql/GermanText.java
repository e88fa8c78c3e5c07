package de.erpconnect.interfaces.graphql;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * How values are written as text in the German ERP, read the same way for arguments and for
 * {@code as:} conversions: decimals as "1.234,56" or "1234.56", yes/no as "ja"/"nein",
 * "true"/"false" or "1"/"0".
 */
final class GermanText {

    private GermanText() {}

    /** The decimal in {@code text}; a {@link NumberFormatException} if it is none. */
    static BigDecimal decimal(String text) {
        String trimmed = text.trim();
        if (trimmed.contains(",")) {
            return new BigDecimal(trimmed.replace(".", "").replace(',', '.'));
        }
        return new BigDecimal(trimmed);
    }

    /** The yes/no in {@code text}, or null if it is neither. */
    static Boolean yesNo(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "ja", "1" -> Boolean.TRUE;
            case "false", "nein", "0" -> Boolean.FALSE;
            default -> null;
        };
    }
}
