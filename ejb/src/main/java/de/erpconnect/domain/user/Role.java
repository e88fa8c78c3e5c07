package de.erpconnect.domain.user;

import de.erpconnect.domain.shared.InvalidInputException;
import java.util.Arrays;

/** Container roles of a user (DESIGN §4); the wire name is what {@code @RolesAllowed} checks. */
public enum Role {
    ADMIN("admin"),
    USER("user"),
    /** The vendor's staff in the cloud's vendor realm (DESIGN §9); never assignable to anyone else. */
    VENDOR("vendor");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Role fromWireName(String name) {
        return Arrays.stream(values())
                .filter(r -> r != VENDOR && r.wireName.equals(name))
                .findFirst()
                .orElseThrow(
                        () -> new InvalidInputException("roles", "Unknown role '" + name + "' (known: admin, user)."));
    }
}
