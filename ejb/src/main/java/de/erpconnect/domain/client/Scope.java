package de.erpconnect.domain.client;

import de.erpconnect.domain.shared.InvalidInputException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The scopes of DESIGN §5; the wire name is what appears in {@code scope} parameters and tokens. */
public enum Scope {
    GRAPHQL("graphql"),
    GRAPHQL_WRITE("graphql.write"),
    OFFLINE_ACCESS("offline_access"),
    ADMIN("admin"),
    /** The vendor cloud's API (DESIGN §9): the only scope of a cloud realm's applications. */
    CLOUD("cloud");

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Scope> find(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst();
    }

    public static Scope fromWireName(String wireName) {
        return find(wireName)
                .orElseThrow(() -> new InvalidInputException(
                        "scopes",
                        "Unknown scope '" + wireName
                                + "' (known: graphql, graphql.write, offline_access, admin, cloud)."));
    }

    /** Space-separated, in declaration order (RFC 6749 §3.3). */
    public static String join(Set<Scope> scopes) {
        return scopes.stream().sorted().map(Scope::wireName).collect(Collectors.joining(" "));
    }

    /** The scopes an application of the ERP realm can have (all but the cloud's). */
    /** The scopes of a stored list (a grant's, a refresh chain's); names no longer known are left out. */
    public static Set<Scope> parseStored(String stored) {
        Set<Scope> set = EnumSet.noneOf(Scope.class);
        for (String s : stored.split(" ")) {
            find(s).ifPresent(set::add);
        }
        return set;
    }

    public static EnumSet<Scope> ofErp() {
        return EnumSet.complementOf(EnumSet.of(CLOUD));
    }

    public static EnumSet<Scope> none() {
        return EnumSet.noneOf(Scope.class);
    }
}
