package de.erpconnect.interfaces.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormParametersTest {

    private static FormParameters parse(String body) {
        return FormParameters.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesPercentEscapesAndPlusAndKeepsCharactersSentAsTheyAreWhole() {
        FormParameters form = parse("grant_type=client_credentials&scope=graphql+graphql.write&x=%C3%A4%2B"
                + "&state=\uD83D\uDE00\u00E4&y=a%F0%9F%98%80b+\u00E4%20\uD83D\uDE00&z=\u20AC");
        assertEquals("client_credentials", form.get("grant_type"));
        assertEquals("graphql graphql.write", form.get("scope"));
        assertEquals("ä+", form.get("x"));
        // outside the Basic Multilingual Plane (a surrogate pair in Java), also beside escapes
        assertEquals("\uD83D\uDE00\u00E4", form.get("state"));
        assertEquals("a\uD83D\uDE00b \u00E4 \uD83D\uDE00", form.get("y"));
        assertEquals("\u20AC", form.get("z"));
    }

    @Test
    void emptyValuesCountAsOmitted() {
        FormParameters form = parse("grant_type=client_credentials&scope=&state");
        assertFalse(form.has("scope"));
        assertFalse(form.has("state"));
    }

    @Test
    void refusesRepeatedParameters() {
        BadRequestBodyException e =
                assertThrows(BadRequestBodyException.class, () -> parse("grant_type=a&grant_type=b"));
        assertEquals(400, e.status());
    }

    @Test
    void refusesMalformedEscapesInvalidUtf8AndControlCharacters() {
        assertThrows(BadRequestBodyException.class, () -> parse("a=%zz"));
        assertThrows(BadRequestBodyException.class, () -> parse("a=%C3"));
        assertThrows(BadRequestBodyException.class, () -> parse("a=%0A"));
        assertThrows(BadRequestBodyException.class, () -> parse("=x"));
        assertThrows(
                BadRequestBodyException.class,
                () -> FormParameters.parse(new byte[] {'a', '=', (byte) 0xC3, (byte) 0x28}));
    }

    @Test
    void readsBodiesWhole() {
        byte[] body = new byte[16_384];
        new java.util.Random(7).nextBytes(body);
        // a stream that hands out at most 700 bytes per read, as a socket may
        java.io.InputStream trickle = new java.io.ByteArrayInputStream(body) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 700));
            }
        };
        assertArrayEquals(body, RequestBodies.readLimited(trickle, 16_384));
        assertArrayEquals(new byte[0], RequestBodies.readLimited(new java.io.ByteArrayInputStream(new byte[0]), 16));
        assertArrayEquals(
                new byte[] {1, 2, 3},
                RequestBodies.readLimited(new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}), 3));
        BadRequestBodyException e = assertThrows(
                BadRequestBodyException.class,
                () -> RequestBodies.readLimited(new java.io.ByteArrayInputStream(new byte[] {1, 2, 3, 4}), 3));
        assertEquals(413, e.status());
    }

    @Test
    void bodiesAreSizeLimited() {
        byte[] big = new byte[20_000];
        BadRequestBodyException e = assertThrows(
                BadRequestBodyException.class,
                () -> RequestBodies.readLimited(new java.io.ByteArrayInputStream(big), 16_384));
        assertEquals(413, e.status());
    }
}
