package de.erpconnect.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.erpconnect.domain.shared.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsAPasswordWithEveryRule() {
        assertTrue(PasswordPolicy.violations("Geheim!2026").isEmpty());
        assertTrue(PasswordPolicy.violations("Äpfel-und-birnen").isEmpty());
    }

    @Test
    void namesEveryBrokenRule() {
        List<String> problems = PasswordPolicy.violations("abc");
        assertEquals(
                List.of(
                        "The password must have at least 8 characters.",
                        "The password must contain an upper-case letter.",
                        "The password must contain a special character."),
                problems);
    }

    @Test
    void eachRuleOnItsOwn() {
        assertEquals(List.of("The password must have at least 8 characters."), PasswordPolicy.violations("Ab!4567"));
        assertEquals(List.of("The password must contain an upper-case letter."), PasswordPolicy.violations("abcdefg!"));
        assertEquals(List.of("The password must contain a lower-case letter."), PasswordPolicy.violations("ABCDEFG!"));
        assertEquals(List.of("The password must contain a special character."), PasswordPolicy.violations("Abcdefgh1"));
        assertEquals(List.of("The password is required."), PasswordPolicy.violations(""));
        assertEquals(List.of("The password is required."), PasswordPolicy.violations(null));
    }

    @Test
    void refusesWhatBcryptWouldTruncate() {
        String seventyThreeBytes = "Aa!" + "x".repeat(70);
        assertEquals(
                List.of("The password must not be longer than 72 bytes."),
                PasswordPolicy.violations(seventyThreeBytes));
        assertTrue(PasswordPolicy.violations("Aa!" + "x".repeat(69)).isEmpty());
    }

    @Test
    void refusesControlCharacters() {
        assertEquals(
                List.of("The password must not contain control characters."),
                PasswordPolicy.violations("Geheim!\n2026"));
    }

    @Test
    void checkThrowsOneExceptionWithAFieldErrorPerRule() {
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> PasswordPolicy.check("password", "abc"));
        assertEquals(3, e.fieldErrors().size());
        assertTrue(e.fieldErrors().stream().allMatch(f -> f.field().equals("password")));
    }
}
