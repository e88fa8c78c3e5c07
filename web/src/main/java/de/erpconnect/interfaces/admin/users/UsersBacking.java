package de.erpconnect.interfaces.admin.users;

import de.erpconnect.application.shared.Page;
import de.erpconnect.application.shared.PageRequest;
import de.erpconnect.application.user.UserCommand;
import de.erpconnect.application.user.UserService;
import de.erpconnect.application.user.UserView;
import de.erpconnect.domain.erp.ErpTable;
import de.erpconnect.domain.shared.BusinessException;
import de.erpconnect.domain.user.ErpRight;
import de.erpconnect.domain.user.PasswordPolicy;
import de.erpconnect.domain.user.Role;
import de.erpconnect.interfaces.admin.PageMessages;
import de.erpconnect.interfaces.admin.SearchPage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Benutzer verwalten": a paged, searchable list and one form to create or change a user —
 * "Zugriff über GraphQL erlaubt" ticks "Benutzer kann sich immer anmelden" at once, as the rule
 * of DESIGN §4 does on the server — through {@link UserService}, like {@code /api/admin/users}.
 */
@Named("usersPage")
@ViewScoped
public class UsersBacking extends SearchPage<UserView> {

    private static final long serialVersionUID = 1L;
    static final String FORM = "user";

    @Inject
    UserService users;

    private Editing editing;

    /** The rights of one ERP table as checkboxes. */
    public static final class TableRights implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String table;
        private final Map<String, Boolean> rights = new LinkedHashMap<>();

        TableRights(String table, List<String> granted) {
            this.table = table;
            for (ErpRight r : ErpRight.values()) {
                rights.put(r.wireName(), granted.contains(r.wireName()));
            }
        }

        public String getTable() {
            return table;
        }

        public Map<String, Boolean> getRights() {
            return rights;
        }

        List<String> granted() {
            return rights.entrySet().stream()
                    .filter(Map.Entry::getValue)
                    .map(Map.Entry::getKey)
                    .toList();
        }
    }

    /** What the dialog edits; {@code existing} is false for "Neu". */
    public static final class Editing implements Serializable {
        private static final long serialVersionUID = 1L;
        private final boolean existing;
        private String login;
        private String displayName;
        private transient String password;
        private boolean active = true;
        private boolean graphqlAccess;
        private boolean alwaysLogin;
        private List<String> roles = new ArrayList<>(List.of(Role.USER.wireName()));
        private final List<TableRights> tables = new ArrayList<>();

        Editing(UserView user) {
            existing = user != null;
            Map<String, List<String>> granted = user == null ? Map.of() : user.permissions();
            if (user != null) {
                login = user.login();
                displayName = user.displayName();
                active = user.active();
                graphqlAccess = user.graphqlAccess();
                alwaysLogin = user.alwaysLogin();
                roles = new ArrayList<>(user.roles());
            }
            for (ErpTable t : ErpTable.values()) {
                tables.add(new TableRights(t.wireName(), granted.getOrDefault(t.wireName(), List.of())));
            }
        }

        public boolean isExisting() {
            return existing;
        }

        public String getLogin() {
            return login;
        }

        public void setLogin(String login) {
            this.login = login;
        }

        public String getDisplayName() {
            return displayName;
        }

        public void setDisplayName(String displayName) {
            this.displayName = displayName;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public boolean isActive() {
            return active;
        }

        public void setActive(boolean active) {
            this.active = active;
        }

        public boolean isGraphqlAccess() {
            return graphqlAccess;
        }

        public void setGraphqlAccess(boolean graphqlAccess) {
            this.graphqlAccess = graphqlAccess;
        }

        public boolean isAlwaysLogin() {
            return alwaysLogin || graphqlAccess;
        }

        public void setAlwaysLogin(boolean alwaysLogin) {
            this.alwaysLogin = alwaysLogin;
        }

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> roles) {
            this.roles = roles == null ? new ArrayList<>() : new ArrayList<>(roles);
        }

        public List<TableRights> getTables() {
            return tables;
        }

        UserCommand command() {
            Map<String, List<String>> permissions = new LinkedHashMap<>();
            for (TableRights t : tables) {
                if (!t.granted().isEmpty()) {
                    permissions.put(t.getTable(), t.granted());
                }
            }
            return new UserCommand(
                    existing ? null : login,
                    displayName,
                    password == null || password.isEmpty() ? null : password,
                    active,
                    graphqlAccess,
                    isAlwaysLogin(),
                    roles,
                    permissions,
                    null);
        }
    }

    public UsersBacking() {
        super(UserView::login);
    }

    @Override
    protected Page<UserView> search(String query, PageRequest request) {
        return users.list(query, request);
    }

    public Editing getEditing() {
        return editing;
    }

    public List<String> getAllRoles() {
        return Arrays.stream(Role.values())
                .filter(r -> r != Role.VENDOR)
                .map(Role::wireName)
                .toList();
    }

    public List<String> getAllRights() {
        return Arrays.stream(ErpRight.values()).map(ErpRight::wireName).toList();
    }

    public int getPasswordMinLength() {
        return PasswordPolicy.MIN_LENGTH;
    }

    public void create() {
        editing = new Editing(null);
    }

    public void edit(String login) {
        try {
            editing = new Editing(users.get(login));
        } catch (BusinessException e) {
            PageMessages.error(null, e);
        }
    }

    /** The flag coupling of DESIGN §4, live: GraphQL access means the user can always log in. */
    public void graphqlChanged() {
        if (editing != null && editing.isGraphqlAccess()) {
            editing.setAlwaysLogin(true);
        }
    }

    public void cancel() {
        editing = null;
    }

    public void save() {
        try {
            UserView saved =
                    editing.existing ? users.update(editing.login, editing.command()) : users.create(editing.command());
            PageMessages.info(editing.existing ? "users.updated" : "users.created", saved.login());
            editing = null;
        } catch (BusinessException e) {
            PageMessages.fieldErrors(FORM, e);
        } finally {
            if (editing != null) {
                editing.setPassword(null); // typed again after a refusal, never kept with the view
            }
        }
    }

    public String format(Instant instant) {
        return PageMessages.format(instant);
    }
}
