package de.erpconnect.application.user;

import de.erpconnect.domain.erp.ErpTable;
import de.erpconnect.domain.user.ErpRight;
import de.erpconnect.domain.user.Role;
import de.erpconnect.domain.user.User;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the server needs to know about an authenticated caller on every request: the live state
 * of the user row, not the snapshot in a token (DESIGN §6). Immutable, so it may be cached.
 */
public record CallerState(
        String login,
        boolean active,
        boolean graphqlAccess,
        Set<String> roles,
        Map<String, Set<ErpRight>> permissions,
        Set<String> protectedFields) {

    static CallerState of(User user) {
        return new CallerState(
                user.getLogin().value(),
                user.isActive(),
                user.isGraphqlAccess(),
                user.getRoles().stream().map(Role::wireName).collect(Collectors.toUnmodifiableSet()),
                Map.copyOf(user.getPermissions()),
                Set.copyOf(user.getProtectedFields()));
    }

    public boolean mayUseGraphql() {
        return active && graphqlAccess;
    }

    public boolean allows(ErpTable table, ErpRight right) {
        Set<ErpRight> rights = permissions.get(table.wireName());
        return rights != null && rights.contains(right);
    }

    public boolean mayAccessProtectedField(String graphqlFieldName) {
        return protectedFields.contains(graphqlFieldName);
    }
}
