package de.erpconnect.domain.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.user.LoginName;
import de.erpconnect.domain.user.Role;
import de.erpconnect.domain.user.User;
import de.erpconnect.infrastructure.crypto.HmacSecretHasher;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ClientSecretHashingTest {

    private final HmacSecretHasher hasher = HmacSecretHasher.withPepper(new SecretKeySpec(new byte[32], "HmacSHA256"));

    @Test
    void secretsHave256BitsAndAreNeverPrinted() {
        ClientSecret secret = ClientSecret.generate(new SecureRandom());
        assertEquals(32, Base64.getUrlDecoder().decode(secret.reveal()).length);
        assertFalse(secret.toString().contains(secret.reveal()));
    }

    @Test
    void theHashIsKeyedWithThePepper() {
        HmacSecretHasher otherPepper =
                HmacSecretHasher.withPepper(new SecretKeySpec(new byte[] {1, 2, 3}, "HmacSHA256"));
        assertNotEquals(hasher.hash("s3cret"), otherPepper.hash("s3cret"));
        assertTrue(hasher.matches("s3cret", hasher.hash("s3cret")));
        assertFalse(hasher.matches("s3cret", otherPepper.hash("s3cret")));
        assertFalse(hasher.hash("s3cret").contains("s3cret"));
    }

    @Test
    void onlyTheCurrentSecretMatchesAfterAnImmediateRotation() {
        ClientApplication.Registration reg = register();
        ClientSecret first = reg.secret();
        ClientSecret second = reg.application().rotateSecret(Duration.ZERO, hasher, Instant.now());
        ClientCredentials creds = reg.application().credentials();
        assertTrue(creds.matchesSecret(second.reveal(), hasher, Instant.now()));
        assertFalse(creds.matchesSecret(first.reveal(), hasher, Instant.now()));
        assertFalse(creds.matchesSecret("", hasher, Instant.now()));
        assertFalse(creds.matchesSecret(null, hasher, Instant.now()));
    }

    @Test
    void thePreviousSecretMatchesOnlyDuringTheGracePeriod() {
        ClientApplication.Registration reg = register();
        Instant now = Instant.now();
        ClientSecret second = reg.application().rotateSecret(Duration.ofHours(1), hasher, now);
        ClientCredentials creds = reg.application().credentials();
        assertTrue(creds.matchesSecret(reg.secret().reveal(), hasher, now.plusSeconds(3599)));
        assertFalse(creds.matchesSecret(reg.secret().reveal(), hasher, now.plusSeconds(3600)));
        assertTrue(creds.matchesSecret(second.reveal(), hasher, now.plusSeconds(7200)));
    }

    private ClientApplication.Registration register() {
        User user = new User(RealmId.ERP, new LoginName("anna"), "Anna", "$2y$x", Instant.now());
        user.assignRoles(EnumSet.of(Role.USER), Instant.now());
        return ClientApplication.register(
                RealmId.ERP,
                ApplicationKind.OWN,
                ClientType.CONFIDENTIAL,
                new ClientApplication.Settings(
                        "ELO",
                        user,
                        List.of("https://elo.example.com/cb"),
                        EnumSet.of(Scope.GRAPHQL),
                        true,
                        new TokenLifetimes(null, null)),
                hasher,
                Instant.now());
    }
}
