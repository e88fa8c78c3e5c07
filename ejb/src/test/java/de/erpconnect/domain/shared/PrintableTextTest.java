package de.erpconnect.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class PrintableTextTest {

    @Test
    void controlCharactersBecomeQuestionMarks() {
        assertEquals("a?b?c", PrintableText.of("a\nb\u0000c"));
        assertEquals("Grüße ✓", PrintableText.of("Grüße ✓"));
        String clean = "nothing to replace";
        assertSame(clean, PrintableText.of(clean));
        assertNull(PrintableText.of(null));
    }

    @Test
    void identifierKeepsOnlyItsCharactersAndIsCut() {
        assertEquals("ec-AZaz09_.@-", PrintableText.identifier("ec-AZaz09_.@-", 64));
        assertEquals("a?b??c??", PrintableText.identifier("a b\r\nc'ä", 64));
        assertEquals("abc", PrintableText.identifier("abcdef", 3));
        assertEquals("", PrintableText.identifier(null, 64));
        assertEquals("", PrintableText.identifier("", 64));
        assertEquals("?", PrintableText.identifier("\u0000", 64));
    }
}
