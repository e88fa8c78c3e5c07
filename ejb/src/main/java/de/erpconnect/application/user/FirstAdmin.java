package de.erpconnect.application.user;

import de.erpconnect.application.event.EventLog;
import de.erpconnect.common.Settings;
import de.erpconnect.domain.event.EventType;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.user.AccessFlags;
import de.erpconnect.domain.user.LoginName;
import de.erpconnect.domain.user.PasswordHasher;
import de.erpconnect.domain.user.PasswordPolicy;
import de.erpconnect.domain.user.Role;
import de.erpconnect.domain.user.User;
import de.erpconnect.domain.user.UserRepository;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
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
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Creates the first administrator {@code admin} on the first start (DESIGN §10) and, in the cloud
 * role, the vendor realm's first user {@code vendor} (password {@code ERPCONNECT_VENDOR_PASSWORD}). Its password
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
    /** The cloud's vendor realm and its first user (DESIGN §9). */
    public static final RealmId VENDOR_REALM = RealmId.of("vendor");

    static final LoginName VENDOR = new LoginName("vendor");
    static final String VENDOR_PASSWORD_FILE = "initial-vendor-password.txt";
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

    @Inject
    CallerDirectory callers;

    @Inject
    LoginThrottle throttle;

    static final String RESET_REQUEST = "admin-reset.request";
    static final String RESET_RESULT = "admin-reset.result";

    @PostConstruct
    void start() {
        ensureAdmin();
        applyResetRequest();
    }

    void ensureAdmin() {
        if (settings.erpRole()) {
            ensureFirstUser(
                    RealmId.ERP,
                    ADMIN,
                    "Administrator",
                    EnumSet.of(Role.ADMIN, Role.USER),
                    settings.initialAdminPassword(),
                    "ERPCONNECT_ADMIN_PASSWORD",
                    PASSWORD_FILE);
        }
        if (settings.cloudRole()) {
            // the vendor's first staff member, who invites customers (DESIGN §9)
            ensureFirstUser(
                    VENDOR_REALM,
                    VENDOR,
                    "Vendor",
                    EnumSet.of(Role.VENDOR),
                    settings.initialVendorPassword(),
                    "ERPCONNECT_VENDOR_PASSWORD",
                    VENDOR_PASSWORD_FILE);
        }
    }

    private void ensureFirstUser(
            RealmId realm,
            LoginName login,
            String displayName,
            Set<Role> roles,
            Optional<String> configured,
            String variable,
            String fileName) {
        if (users.findByLogin(realm, login).isPresent()) {
            return;
        }
        String password;
        String source;
        if (configured.isPresent()) {
            password = configured.get();
            List<String> problems = PasswordPolicy.violations(password);
            if (!problems.isEmpty()) {
                throw new IllegalStateException(
                        variable + " does not meet the password policy: " + String.join(" ", problems));
            }
            source = "from " + variable;
        } else {
            password = generatePassword();
            Path file = writePasswordFile(fileName, password);
            source = "generated; it is in the file " + file + " (readable only by the server's user)";
        }
        Instant now = Instant.now();
        User user = new User(realm, login, displayName, hasher.hash(password), now);
        user.changeAccess(new AccessFlags(true, false, true), now);
        user.assignRoles(roles, now);
        if (realm.equals(RealmId.ERP)) {
            user.stampLsn(erpRows.nextLsn());
        }
        users.add(user);
        events.record(realm, EventType.ADMIN_BOOTSTRAPPED, null, null, "Initial user '" + login + "' created.");
        LOG.infof("ERPC0020: initial user '%s' of realm %s created; password %s", login, realm, source);
    }

    /**
     * The operator's way back in (tools/reset-admin.sh): a request file in the data directory — which
     * only the server's user can write, and which holds the keys anyway — carries a new password for
     * 'admin'. Checked at start and every five seconds; the account gets the password, is active with
     * the role admin, and its lockouts are cleared. The request is deleted at once, the outcome goes to
     * admin-reset.result and the event log.
     */
    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void applyResetRequest() {
        Path request = settings.dataDir().resolve(RESET_REQUEST);
        if (!Files.isRegularFile(request)) {
            return;
        }
        String password;
        try {
            password = Files.readString(request, StandardCharsets.UTF_8).strip();
            Files.delete(request);
        } catch (IOException e) {
            LOG.warnf(
                    "ERPC0021: the admin reset request could not be read: %s",
                    e.getClass().getSimpleName());
            return;
        }
        List<String> problems = PasswordPolicy.violations(password);
        if (!problems.isEmpty()) {
            writeResetResult("refused: " + String.join(" ", problems));
            return;
        }
        Instant now = Instant.now();
        User admin = users.findByLogin(RealmId.ERP, ADMIN).orElse(null);
        if (admin == null) {
            ensureAdmin(); // never happens after the first start; keeps the contract simple
            admin = users.findByLogin(RealmId.ERP, ADMIN).orElseThrow();
        }
        admin.changePasswordHash(hasher.hash(password), now);
        admin.changeAccess(new AccessFlags(true, admin.isGraphqlAccess(), true), now);
        EnumSet<Role> roles = EnumSet.of(Role.ADMIN);
        roles.addAll(admin.getRoles());
        admin.assignRoles(roles, now);
        callers.invalidate(RealmId.ERP, ADMIN);
        throttle.forget("user", ADMIN.value());
        events.record(
                RealmId.ERP,
                EventType.ADMIN_RESET,
                null,
                null,
                "Administrator 'admin' reset by the operator (reset-admin): new password, active, role admin,"
                        + " lockouts cleared.");
        LOG.infof("ERPC0022: administrator 'admin' reset by the operator's request");
        writeResetResult("ok");
    }

    private void writeResetResult(String outcome) {
        try {
            Files.writeString(
                    settings.dataDir().resolve(RESET_RESULT), outcome + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warnf(
                    "ERPC0021: the admin reset result could not be written: %s",
                    e.getClass().getSimpleName());
        }
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

    private Path writePasswordFile(String fileName, String password) {
        Path file = settings.dataDir().resolve(fileName);
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
            throw new UncheckedIOException("Cannot write " + fileName + " to the data directory", e);
        }
    }
}
