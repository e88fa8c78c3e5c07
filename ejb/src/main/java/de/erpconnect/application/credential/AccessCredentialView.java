package de.erpconnect.application.credential;

import de.erpconnect.domain.credential.AccessCredential;
import de.erpconnect.domain.credential.CredentialKind;
import java.time.Instant;

/** Access credentials as the admin API shows them: never the secret. */
public record AccessCredentialView(
        int number,
        boolean active,
        String kind,
        String kindName,
        String name,
        String clientId,
        String info,
        Instant createdAt,
        Instant updatedAt) {

    static AccessCredentialView of(AccessCredential c, CredentialKind kind) {
        return new AccessCredentialView(
                c.getNumber(),
                c.isActive(),
                c.getKind(),
                kind.displayName(),
                c.getName(),
                c.getClientId(),
                c.getInfo(),
                c.getCreatedAt(),
                c.getUpdatedAt());
    }

    /** The form a new record starts with ("Neu"): next free number, preselected kind, active. */
    public record Template(int number, boolean active, String kind, String name) {}

    /** A kind ("Art") as the form lists it. */
    public record KindView(String code, String name, boolean testable) {}

    /** The outcome of "Testen". */
    public record TestResult(boolean ok, String message) {}
}
