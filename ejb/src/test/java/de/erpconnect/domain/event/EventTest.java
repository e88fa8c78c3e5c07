package de.erpconnect.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import de.erpconnect.domain.shared.RealmId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventTest {

    @Test
    void controlCharactersQuotedFromARequestAreShownAsQuestionMarks() {
        Event e = new Event(
                RealmId.ERP,
                Instant.now(),
                EventType.LOGIN_FAILED,
                "a\u0000b",
                "10.0.0.1\r\n",
                "Login failed for 'x\u0000y'.\nForged line\u007f");
        assertEquals("a?b", e.getActor());
        assertEquals("10.0.0.1??", e.getRemoteAddress());
        assertEquals("Login failed for 'x?y'.?Forged line?", e.getMessage());
    }

    @Test
    void textWithoutControlCharactersIsKeptAndLongTextCut() {
        Event e = new Event(RealmId.ERP, Instant.now(), EventType.LOGIN_FAILED, null, null, "ä".repeat(5000));
        assertNull(e.getActor());
        assertNull(e.getRemoteAddress());
        assertEquals(Event.MESSAGE_MAX, e.getMessage().length());
        assertEquals("ä".repeat(Event.MESSAGE_MAX), e.getMessage());
    }

    @Test
    void pseudonymizingKeepsTheTextClean() {
        Event e = new Event(
                RealmId.ERP,
                Instant.now(),
                EventType.LOGIN_FAILED,
                "anna",
                "10.0.0.1",
                "Login of 'anna' from 10.0.0.1");
        e.pseudonymize("anna", "user-1");
        assertEquals("user-1", e.getActor());
        assertNull(e.getRemoteAddress());
        assertEquals("Login of 'user-1' from [address removed]", e.getMessage());
    }
}
