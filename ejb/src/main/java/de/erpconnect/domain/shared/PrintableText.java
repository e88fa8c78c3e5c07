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

    /**
     * An identifier from a request (a client id, a login, a parameter name) as quoted in event
     * messages and throttle keys: at most {@code maxLength} characters, each one outside
     * {@code [A-Za-z0-9_.@-]} shown as '?'; null is the empty text. A plain loop: it runs on every
     * client authentication.
     */
    public static String identifier(String text, int maxLength) {
        if (text == null) {
            return "";
        }
        int length = Math.min(text.length(), maxLength);
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            out[i] = isIdentifierChar(c) ? c : '?';
        }
        return new String(out);
    }

    private static boolean isIdentifierChar(char c) {
        return Base64UrlAlphabet.contains(c) || c == '.' || c == '@';
    }
}
