package de.erpconnect.domain.shared;

/**
 * Text quoted from a request into what we store and show (event messages, throttle counters):
 * every control character becomes '?'. A quoted line break cannot forge a second entry, and a NUL
 * cannot reach PostgreSQL, which refuses U+0000 in text.
 */
public final class PrintableText {

    private PrintableText() {}

    /** {@code text} with each control character (Unicode category Cc) replaced by '?'; null stays null. */
    public static String of(String text) {
        if (text == null || text.codePoints().noneMatch(Character::isISOControl)) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }
}
