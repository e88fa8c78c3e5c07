package de.erpconnect.domain.user;

import de.erpconnect.domain.erp.ErpTable;
import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.shared.RealmId;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An ERP user: the identity the container authenticates (FORM, Basic) and the subject of every
 * access token. Rights on ERP tables and protected fields are the ERP's own (DESIGN §4, §7).
 */
@Entity
@Table(name = "app_user")
public class User {

    public static final int DISPLAY_NAME_MAX = 200;
    private static final Pattern PROTECTED_FIELD = Pattern.compile("fld[A-Za-z0-9_]{1,60}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "realm", nullable = false, length = RealmId.MAX_LENGTH)
    private RealmId realm;

    @Convert(converter = LoginNameConverter.class)
    @Column(name = "login", nullable = false, length = LoginName.MAX_LENGTH)
    private LoginName login;

    @Column(name = "display_name", nullable = false, length = DISPLAY_NAME_MAX)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    @Column(name = "active", nullable = false)
    private boolean active;

    /** Where a cloud user's password-reset link goes; ERP users have none. */
    @Column(name = "email", length = 254)
    private String email;

    @Column(name = "graphql_access", nullable = false)
    private boolean graphqlAccess;

    @Column(name = "always_login", nullable = false)
    private boolean alwaysLogin;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 16)
    private Set<Role> roles = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_table_right", joinColumns = @JoinColumn(name = "user_id"))
    @MapKeyColumn(name = "table_name", length = 64)
    private Map<String, TableRights> permissions = new HashMap<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_protected_field", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "field_name", nullable = false, length = 64)
    private Set<String> protectedFields = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /** fldInsertLSN / fldModifyLSN of the user as tblUsers serves it (the global ERP sequence). */
    @Column(name = "insert_lsn", nullable = false)
    private long insertLsn;

    @Column(name = "modify_lsn", nullable = false)
    private long modifyLsn;

    protected User() {}

    public User(RealmId realm, LoginName login, String displayName, String passwordHash, Instant now) {
        this.realm = realm;
        this.login = login;
        this.displayName = requireDisplayName(displayName);
        this.passwordHash = passwordHash;
        this.roles.add(Role.USER);
        this.createdAt = now;
        this.updatedAt = now;
    }

    private static String requireDisplayName(String displayName) {
        String trimmed = displayName == null ? "" : displayName.strip();
        if (trimmed.isEmpty() || trimmed.length() > DISPLAY_NAME_MAX) {
            throw new InvalidInputException(
                    "displayName", "The display name must be 1 to " + DISPLAY_NAME_MAX + " characters.");
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("displayName", "The display name must not contain control characters.");
        }
        return trimmed;
    }

    /** The address a cloud user's reset link is sent to (validated by the caller's value object). */
    public void changeEmail(String newEmail, Instant now) {
        this.email = newEmail;
        this.updatedAt = now;
    }

    public java.util.Optional<String> getEmail() {
        return java.util.Optional.ofNullable(email);
    }

    public void rename(String newDisplayName, Instant now) {
        this.displayName = requireDisplayName(newDisplayName);
        touch(now);
    }

    /** Stamps a change with the next LSN of the global sequence (the first stamp is the insert's). */
    public void stampLsn(long lsn) {
        if (insertLsn == 0) {
            insertLsn = lsn;
        }
        modifyLsn = lsn;
    }

    public void changePasswordHash(String newHash, Instant now) {
        this.passwordHash = newHash;
        touch(now);
    }

    public void changeAccess(AccessFlags flags, Instant now) {
        this.active = flags.active();
        this.graphqlAccess = flags.graphqlAccess();
        this.alwaysLogin = flags.alwaysLogin();
        touch(now);
    }

    public void assignRoles(Set<Role> newRoles, Instant now) {
        if (newRoles.isEmpty()) {
            throw new InvalidInputException("roles", "A user needs at least one role.");
        }
        this.roles.clear();
        this.roles.addAll(newRoles);
        touch(now);
    }

    /** Replaces the ERP rights: table name (e.g. {@code tblAddresses}) to its rights. */
    public void grantPermissions(Map<String, Set<ErpRight>> rights, Set<String> newProtectedFields, Instant now) {
        Map<String, TableRights> checked = new HashMap<>();
        rights.forEach((table, set) -> {
            ErpTable.fromWireName(table)
                    .orElseThrow(() -> new InvalidInputException("permissions", "Unknown ERP table '" + table + "'."));
            if (!set.isEmpty()) {
                checked.put(table, new TableRights(set));
            }
        });
        for (String field : newProtectedFields) {
            if (field == null || !PROTECTED_FIELD.matcher(field).matches()) {
                throw new InvalidInputException(
                        "protectedFields",
                        "A protected field is named like 'fldKredLimit' (fld + letters, digits, '_').");
            }
        }
        this.permissions.clear();
        this.permissions.putAll(checked);
        this.protectedFields.clear();
        this.protectedFields.addAll(newProtectedFields);
        touch(now);
    }

    private void touch(Instant now) {
        this.updatedAt = now;
    }

    /** May this user authenticate at all (FORM, Basic, bearer)? */
    public boolean canLogIn() {
        return active;
    }

    public boolean mayUseGraphql() {
        return active && graphqlAccess;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean allows(ErpTable table, ErpRight right) {
        TableRights r = permissions.get(table.wireName());
        return r != null && r.allows(right);
    }

    public Long getId() {
        return id;
    }

    public RealmId getRealm() {
        return realm;
    }

    public LoginName getLogin() {
        return login;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isActive() {
        return active;
    }

    public boolean isGraphqlAccess() {
        return graphqlAccess;
    }

    public boolean isAlwaysLogin() {
        return alwaysLogin;
    }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public Map<String, Set<ErpRight>> getPermissions() {
        Map<String, Set<ErpRight>> copy = new HashMap<>();
        permissions.forEach((table, rights) -> copy.put(table, rights.asSet()));
        return copy;
    }

    public Set<String> getProtectedFields() {
        return Collections.unmodifiableSet(protectedFields);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
