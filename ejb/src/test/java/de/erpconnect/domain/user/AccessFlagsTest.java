package de.erpconnect.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.shared.RealmId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccessFlagsTest {

    @Test
    void graphqlAccessAlsoSetsAlwaysLogin() {
        AccessFlags flags = AccessFlags.resolve(true, true, null);
        assertTrue(flags.alwaysLogin());
    }

    @Test
    void alwaysLoginCannotBeClearedWhileGraphqlAccessIsOn() {
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> AccessFlags.resolve(true, true, false));
        assertEquals("alwaysLogin", e.fieldErrors().get(0).field());
    }

    @Test
    void withoutGraphqlAccessAlwaysLoginIsFree() {
        assertFalse(AccessFlags.resolve(true, false, null).alwaysLogin());
        assertTrue(AccessFlags.resolve(true, false, true).alwaysLogin());
    }

    @Test
    void theUserEntityAppliesTheCoupling() {
        User user = new User(RealmId.ERP, new LoginName("anna"), "Anna Berg", "$2y$hash", Instant.now());
        user.changeAccess(AccessFlags.resolve(true, true, null), Instant.now());
        assertTrue(user.isAlwaysLogin());
        assertTrue(user.mayUseGraphql());
        user.changeAccess(AccessFlags.resolve(false, true, null), Instant.now());
        assertFalse(user.mayUseGraphql(), "a deactivated user cannot use GraphQL");
    }

    @Test
    void loginNamesAreCaseInsensitive() {
        assertEquals(new LoginName("anna"), LoginName.parse(" Anna "));
        assertThrows(InvalidInputException.class, () -> LoginName.parse("anna berg"));
        assertThrows(InvalidInputException.class, () -> LoginName.parse("x".repeat(65)));
        assertThrows(InvalidInputException.class, () -> LoginName.parse("' or 1=1 --"));
    }
}
