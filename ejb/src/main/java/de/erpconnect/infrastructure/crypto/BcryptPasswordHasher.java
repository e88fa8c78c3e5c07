package de.erpconnect.infrastructure.crypto;

import de.erpconnect.domain.user.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.spec.EncryptablePasswordSpec;
import org.wildfly.security.password.spec.IteratedSaltedPasswordAlgorithmSpec;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * bcrypt through Elytron, the container's own implementation. Hashes are written as {@code $2y$}
 * (what Elytron reads); a {@code $2b$} hash from elsewhere is the same algorithm and is read
 * after rewriting its prefix.
 */
@ApplicationScoped
public class BcryptPasswordHasher implements PasswordHasher {

    static final int COST = 10;

    private final SecureRandom random = new SecureRandom();

    @Override
    public String hash(String rawPassword) {
        try {
            byte[] salt = new byte[BCryptPassword.BCRYPT_SALT_SIZE];
            random.nextBytes(salt);
            PasswordFactory factory = factory();
            Password password = factory.generatePassword(new EncryptablePasswordSpec(
                    rawPassword.toCharArray(), new IteratedSaltedPasswordAlgorithmSpec(COST, salt)));
            return ModularCrypt.encodeAsString(password);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("bcrypt unavailable", e);
        }
    }

    @Override
    public boolean matches(String rawPassword, String hash) {
        if (rawPassword == null || hash == null) {
            return false;
        }
        String readable = hash.startsWith("$2b$") ? "$2y$" + hash.substring(4) : hash;
        try {
            PasswordFactory factory = factory();
            Password stored = factory.translate(ModularCrypt.decode(readable));
            return factory.verify(stored, rawPassword.toCharArray());
        } catch (InvalidKeySpecException e) {
            return false;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static PasswordFactory factory() throws GeneralSecurityException {
        return PasswordFactory.getInstance(
                BCryptPassword.ALGORITHM_BCRYPT, WildFlyElytronPasswordProvider.getInstance());
    }
}
