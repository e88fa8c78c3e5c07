package de.erpconnect.domain.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
