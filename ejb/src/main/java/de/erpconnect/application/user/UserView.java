package de.erpconnect.application.user;

import de.erpconnect.domain.user.ErpRight;
import de.erpconnect.domain.user.Role;
import de.erpconnect.domain.user.User;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A user as the admin API shows it: never the password or its hash. */
public record UserView(
        String login,
        String displayName,
        boolean active,
        boolean graphqlAccess,
        boolean alwaysLogin,
        List<String> roles,
        Map<String, List<String>> permissions,
        List<String> protectedFields,
        Instant createdAt,
        Instant updatedAt) {

    static UserView of(User u) {
        Map<String, List<String>> permissions = new TreeMap<>();
        u.getPermissions()
                .forEach((table, rights) -> permissions.put(
                        table, rights.stream().sorted().map(ErpRight::wireName).toList()));
        return new UserView(
                u.getLogin().value(),
                u.getDisplayName(),
                u.isActive(),
                u.isGraphqlAccess(),
                u.isAlwaysLogin(),
                u.getRoles().stream().sorted().map(Role::wireName).toList(),
                permissions,
                u.getProtectedFields().stream().sorted().toList(),
                u.getCreatedAt(),
                u.getUpdatedAt());
    }
}
