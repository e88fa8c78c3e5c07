package de.erpconnect.domain.user;

import de.erpconnect.domain.shared.InvalidInputException;

/**
 * The three switches of a user and their coupling (DESIGN §4): "Zugriff über GraphQL erlaubt"
 * also sets "Benutzer kann sich immer anmelden", and that one cannot be cleared while GraphQL
 * access is on.
 */
public record AccessFlags(boolean active, boolean graphqlAccess, boolean alwaysLogin) {

    public AccessFlags {
        if (graphqlAccess && !alwaysLogin) {
            throw new InvalidInputException(
                    "alwaysLogin",
                    "\"Benutzer kann sich immer anmelden\" cannot be cleared while GraphQL access is on.");
        }
    }

    /**
     * Resolves what a client asked for: {@code alwaysLogin == null} means "not said", which GraphQL
     * access turns on; an explicit {@code false} together with GraphQL access is refused.
     */
    public static AccessFlags resolve(boolean active, boolean graphqlAccess, Boolean alwaysLogin) {
        boolean always = alwaysLogin == null ? graphqlAccess : alwaysLogin;
        return new AccessFlags(active, graphqlAccess, always);
    }
}
