package de.erpconnect.domain.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.user.LoginName;
import de.erpconnect.domain.user.Role;
import de.erpconnect.domain.user.User;
import de.erpconnect.infrastructure.crypto.HmacSecretHasher;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ClientApplicationTest {

    private final HmacSecretHasher credentials =
            HmacSecretHasher.withPepper(new SecretKeySpec(new byte[32], "HmacSHA256"));

    private static User user(Role... roles) {
        User u = new User(RealmId.ERP, new LoginName("anna"), "Anna", "$2y$x", Instant.now());
        u.assignRoles(EnumSet.of(Role.USER, roles), Instant.now());
        return u;
    }

    private ClientApplication.Registration register(ClientType type, User user, List<String> uris, Set<Scope> scopes) {
        return ClientApplication.register(
                RealmId.ERP,
                ApplicationKind.OWN,
                type,
                new ClientApplication.Settings("ELO", user, uris, scopes, true, new TokenLifetimes(null, null)),
                credentials,
                Instant.now());
    }

    @Test
    void aConfidentialClientGetsAGeneratedIdAndSecret() {
        ClientApplication.Registration reg =
                register(ClientType.CONFIDENTIAL, user(), List.of(), EnumSet.of(Scope.GRAPHQL));
        assertNotNull(reg.secret());
        assertNotNull(reg.application().getClientId());
        assertEquals(300, reg.application().getLifetimes().accessTokenSeconds());
    }

    @Test
    void aPublicClientHasNoSecretAndNeedsARedirectUri() {
        ClientApplication.Registration reg =
                register(ClientType.PUBLIC, user(), List.of("http://127.0.0.1/cb"), EnumSet.of(Scope.GRAPHQL));
        assertNull(reg.secret());
        assertThrows(
                InvalidInputException.class,
                () -> register(ClientType.PUBLIC, user(), List.of(), EnumSet.of(Scope.GRAPHQL)));
    }

    @Test
    void scopeGraphqlIsRequiredAndAdminNeedsAnAdminUser() {
        assertThrows(
                InvalidInputException.class,
                () -> register(ClientType.CONFIDENTIAL, user(), List.of(), EnumSet.of(Scope.GRAPHQL_WRITE)));
        assertThrows(
                InvalidInputException.class,
                () -> register(ClientType.CONFIDENTIAL, user(), List.of(), EnumSet.of(Scope.GRAPHQL, Scope.ADMIN)));
        register(ClientType.CONFIDENTIAL, user(Role.ADMIN), List.of(), EnumSet.of(Scope.GRAPHQL, Scope.ADMIN));
    }

    @Test
    void redirectUrisMustNotRepeat() {
        assertThrows(
                InvalidInputException.class,
                () -> register(
                        ClientType.CONFIDENTIAL,
                        user(),
                        List.of("https://a.example.com/cb", "https://a.example.com/cb"),
                        EnumSet.of(Scope.GRAPHQL)));
    }

    @Test
    void tokenLifetimesAreBounded() {
        assertThrows(InvalidInputException.class, () -> new TokenLifetimes(0, null));
        assertThrows(InvalidInputException.class, () -> new TokenLifetimes(3601, null));
        assertThrows(InvalidInputException.class, () -> new TokenLifetimes(null, 59));
    }

    @Test
    void fapi2NeedsRegisteredKeysRequiresParAndAllowsNoSecretUntilSwitchedOff() {
        ClientApplication app = register(ClientType.CONFIDENTIAL, user(), List.of(), EnumSet.of(Scope.GRAPHQL))
                .application();
        InvalidInputException noKeys = assertThrows(InvalidInputException.class, () -> app.enableFapi2(Instant.now()));
        assertEquals("fapi2", noKeys.fieldErrors().get(0).field());
        assertNull(app.getFapi2Since());

        app.registerKeys(ClientKeys.parse("{\"keys\":[" + ClientKeysTest.A3_KEY + "]}"), Instant.now());
        Instant on = Instant.parse("2026-12-07T10:00:00Z");
        app.enableFapi2(on);
        assertEquals(on, app.getFapi2Since());
        assertTrue(app.requiresPushedRequests());
        assertTrue(app.credentials().fapi2());
        assertThrows(InvalidInputException.class, () -> app.requirePushedRequests(false, Instant.now()));
        assertThrows(
                InvalidInputException.class,
                () -> app.rotateSecret(java.time.Duration.ZERO, credentials, Instant.now()));
        app.enableFapi2(on.plusSeconds(60));
        assertEquals(on, app.getFapi2Since(), "switching on again keeps the moment");

        // tokens: bound and issued from the switch on
        ClientCredentials c = app.credentials();
        assertTrue(c.acceptsUnderFapi2(on.getEpochSecond() + 1, true));
        assertFalse(c.acceptsUnderFapi2(on.getEpochSecond(), true), "the switch's own second");
        assertFalse(c.issuesUnderFapi2(on.plusMillis(999)));
        assertTrue(c.issuesUnderFapi2(on.plusSeconds(1)));
        assertFalse(c.acceptsUnderFapi2(on.getEpochSecond() + 5, false));

        ClientSecret secret = app.disableFapi2(credentials, Instant.now());
        assertNotNull(secret);
        assertNull(app.getFapi2Since());
        assertNull(app.getKeys());
        assertFalse(app.requiresPushedRequests());
        assertTrue(app.credentials().matchesSecret(secret.reveal(), credentials, Instant.now()));
        assertTrue(app.credentials().acceptsUnderFapi2(0, false));
        assertThrows(InvalidInputException.class, () -> app.disableFapi2(credentials, Instant.now()));
    }

    @Test
    void fapi2IsOnlyForConfidentialClients() {
        ClientApplication app = register(
                        ClientType.PUBLIC, user(), List.of("http://127.0.0.1/cb"), EnumSet.of(Scope.GRAPHQL))
                .application();
        assertThrows(InvalidInputException.class, () -> app.enableFapi2(Instant.now()));
    }
}
