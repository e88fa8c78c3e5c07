package de.erpconnect.interfaces.http;

import de.erpconnect.domain.shared.PrintableText;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body decoded strictly for OAuth (RFC 6749 §3.2):
 * UTF-8 only, malformed percent-escapes refused, a parameter may appear only once, and a parameter
 * without a value counts as omitted.
 */
public final class FormParameters {

    public static final int MAX_PARAMETERS = 32;

    private final Map<String, String> values;

    private FormParameters(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static FormParameters parse(byte[] body) {
        String text = RequestBodies.decodeUtf8(body);
        Map<String, String> values = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return new FormParameters(values);
        }
        String[] pairs = text.split("&", -1);
        if (pairs.length > MAX_PARAMETERS) {
            throw new BadRequestBodyException(400, "Too many parameters.");
        }
        for (String pair : pairs) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (name.isEmpty()) {
                throw new BadRequestBodyException(400, "A parameter has no name.");
            }
            if (values.containsKey(name)) {
                throw new BadRequestBodyException(
                        400, "The parameter '" + PrintableText.identifier(name, 40) + "' is repeated.");
            }
            values.put(name, value);
        }
        values.values().removeIf(String::isEmpty);
        return new FormParameters(values);
    }

    /**
     * Percent- and plus-decodes one name or value; the bytes the escapes stand for must be UTF-8.
     * Characters written as they are (the body is valid UTF-8) are kept whole, also those outside
     * the Basic Multilingual Plane (two chars in Java).
     */
    private static String decode(String encoded) {
        String decoded;
        if (encoded.indexOf('%') < 0 && encoded.indexOf('+') < 0) {
            decoded = encoded;
        } else {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
            for (int i = 0; i < encoded.length(); i++) {
                char c = encoded.charAt(i);
                if (c == '+') {
                    bytes.write(' ');
                } else if (c == '%') {
                    if (i + 2 >= encoded.length()) {
                        throw new BadRequestBodyException(400, "The form body has a malformed %-escape.");
                    }
                    int hi = Character.digit(encoded.charAt(i + 1), 16);
                    int lo = Character.digit(encoded.charAt(i + 2), 16);
                    if (hi < 0 || lo < 0) {
                        throw new BadRequestBodyException(400, "The form body has a malformed %-escape.");
                    }
                    bytes.write(hi * 16 + lo);
                    i += 2;
                } else if (c < 0x80) {
                    bytes.write(c);
                } else {
                    // a run of non-ASCII characters, encoded together (a surrogate pair stays whole)
                    int end = i + 1;
                    while (end < encoded.length() && encoded.charAt(end) >= 0x80) {
                        end++;
                    }
                    bytes.writeBytes(encoded.substring(i, end).getBytes(StandardCharsets.UTF_8));
                    i = end - 1;
                }
            }
            decoded = RequestBodies.decodeUtf8(bytes.toByteArray());
        }
        for (int i = 0; i < decoded.length(); i++) {
            char ch = decoded.charAt(i);
            if (ch < 0x20 && ch != '\t') {
                throw new BadRequestBodyException(400, "The form body contains control characters.");
            }
        }
        return decoded;
    }

    /** URL-decodes one value of a Basic credential (RFC 6749 §2.3.1), with the same strictness. */
    public static String decodeComponent(String encoded) {
        return decode(encoded);
    }

    public String get(String name) {
        return values.get(name);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Map<String, String> asMap() {
        return values;
    }
}
