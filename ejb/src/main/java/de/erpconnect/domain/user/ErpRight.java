package de.erpconnect.domain.user;

import de.erpconnect.domain.shared.InvalidInputException;
import java.util.Arrays;

/** A right on one ERP table, as the ERP's own permission structure knows it. */
public enum ErpRight {
    READ("read"),
    CREATE("create"),
    MODIFY("modify"),
    DELETE("delete");

    private final String wireName;

    ErpRight(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ErpRight fromWireName(String name) {
        return Arrays.stream(values())
                .filter(r -> r.wireName.equals(name))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "permissions", "Unknown right '" + name + "' (known: read, create, modify, delete)."));
    }
}
