package de.erpconnect.interfaces.http;

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
    void decodesPercentEscapesAndPlus() {
        FormParameters form = parse("grant_type=client_credentials&scope=graphql+graphql.write&x=%C3%A4%2B");
        assertEquals("client_credentials", form.get("grant_type"));
        assertEquals("graphql graphql.write", form.get("scope"));
        assertEquals("ä+", form.get("x"));
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
    void bodiesAreSizeLimited() {
        byte[] big = new byte[20_000];
        BadRequestBodyException e = assertThrows(
                BadRequestBodyException.class,
                () -> RequestBodies.readLimited(new java.io.ByteArrayInputStream(big), 16_384));
        assertEquals(413, e.status());
    }
}
