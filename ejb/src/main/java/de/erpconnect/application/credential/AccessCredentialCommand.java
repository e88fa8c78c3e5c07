package de.erpconnect.application.credential;

import de.erpconnect.domain.credential.AccessCredential;
import de.erpconnect.domain.credential.CredentialKind;
import jakarta.validation.constraints.Size;

/**
 * Create or change access credentials (DESIGN §10). On create, clientId and clientSecret are
 * required; number defaults to the next free one, kind to the preselected "microtech Cloud" and
 * name to the kind's name. On change, a field left out keeps its value — so the secret stays
 * unless a new one is sent — and number and kind cannot change.
 */
public record AccessCredentialCommand(
        Integer number,
        Boolean active,

        @Size(max = CredentialKind.CODE_MAX, message = "kind is too long.")
        String kind,

        @Size(
                max = AccessCredential.NAME_MAX,
                message = "name must be at most " + AccessCredential.NAME_MAX + " characters.")
        String name,

        @Size(
                max = AccessCredential.CLIENT_ID_MAX,
                message = "clientId must be at most " + AccessCredential.CLIENT_ID_MAX + " characters.")
        String clientId,

        @Size(
                max = AccessCredentialCommand.SECRET_MAX,
                message = "clientSecret must be at most " + AccessCredentialCommand.SECRET_MAX + " characters.")
        String clientSecret,

        @Size(
                max = AccessCredential.INFO_MAX,
                message = "info must be at most " + AccessCredential.INFO_MAX + " characters.")
        String info) {

    public static final int SECRET_MAX = 1000;

    @Override
    public String toString() {
        return "AccessCredentialCommand[number=" + number + ", kind=" + kind + ", clientSecret=***]";
    }
}
