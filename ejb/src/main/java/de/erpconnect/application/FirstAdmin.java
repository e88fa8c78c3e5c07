package de.erpconnect.application;

import de.erpconnect.domain.event.EventType;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.user.AccessFlags;
import de.erpconnect.domain.user.LoginName;
import de.erpconnect.domain.user.PasswordHasher;
import de.erpconnect.domain.user.PasswordPolicy;
import de.erpconnect.domain.user.Role;
import de.erpconnect.domain.user.User;
import de.erpconnect.domain.user.UserRepository;
import de.erpconnect.infrastructure.config.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Creates the first administrator {@code admin} on the first start (DESIGN §10). Its password
 * comes from {@code ERPCONNECT_ADMIN_PASSWORD}, or is generated and written to a file in the data
 * directory that only the server's user can read; the log names the file, never the password.
 * There is no built-in default password.
 */
@Singleton
@Startup
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);
    static final LoginName ADMIN = new LoginName("admin");
    static final String PASSWORD_FILE = "initial-admin-password.txt";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#%+-.:=?@_";

    @Inject
    UserRepository users;

    @Inject
    de.erpconnect.domain.erp.ErpRowRepository erpRows;

    @Inject
    PasswordHasher hasher;

    @Inject
    Settings settings;

    @Inject
    EventLog events;

    @PostConstruct
    void ensureAdmin() {
        if (users.findByLogin(RealmId.ERP, ADMIN).isPresent()) {
            return;
        }
        String password;
        String source;
        if (settings.initialAdminPassword().isPresent()) {
            password = settings.initialAdminPassword().get();
            List<String> problems = PasswordPolicy.violations(password);
            if (!problems.isEmpty()) {
                throw new IllegalStateException(
                        "ERPCONNECT_ADMIN_PASSWORD does not meet the password policy: " + String.join(" ", problems));
            }
            source = "from ERPCONNECT_ADMIN_PASSWORD";
        } else {
            password = generatePassword();
            Path file = writePasswordFile(password);
            source = "generated; it is in the file " + file + " (readable only by the server's user)";
        }
        Instant now = Instant.now();
        User admin = new User(RealmId.ERP, ADMIN, "Administrator", hasher.hash(password), now);
        admin.changeAccess(new AccessFlags(true, false, true), now);
        admin.assignRoles(EnumSet.of(Role.ADMIN, Role.USER), now);
        admin.stampLsn(erpRows.nextLsn());
        users.add(admin);
        events.record(RealmId.ERP, EventType.ADMIN_BOOTSTRAPPED, null, null, "Initial administrator 'admin' created.");
        LOG.infof("ERPC0020: initial administrator 'admin' created; password %s", source);
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        while (true) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            if (PasswordPolicy.violations(sb.toString()).isEmpty()) {
                return sb.toString();
            }
        }
    }

    private Path writePasswordFile(String password) {
        Path file = settings.dataDir().resolve(PASSWORD_FILE);
        try {
            Files.deleteIfExists(file);
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(
                    file, password + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.WRITE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + PASSWORD_FILE + " to the data directory", e);
        }
    }
}
