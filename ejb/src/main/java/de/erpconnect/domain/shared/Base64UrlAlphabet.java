package de.erpconnect.domain.shared;

/**
 * The base64url alphabet (RFC 4648 §5, {@code [A-Za-z0-9_-]}) of our generated identifiers and
 * opaque tokens. Plain loops: the checks run on every client authentication and bearer check.
 */
public final class Base64UrlAlphabet {

    private Base64UrlAlphabet() {}

    public static boolean contains(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    /** Whether every character of {@code text} is in the alphabet (true for the empty text). */
    public static boolean containsAll(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!contains(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
