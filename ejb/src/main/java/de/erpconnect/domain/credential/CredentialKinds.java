package de.erpconnect.domain.credential;

import de.erpconnect.domain.shared.InvalidInputException;
import java.util.List;
import java.util.Optional;

/** The list of kinds ("Art"), extensible by configuration; "microtech Cloud" comes first. */
public interface CredentialKinds {

    List<CredentialKind> all();

    default Optional<CredentialKind> find(String code) {
        return all().stream().filter(k -> k.code().equals(code)).findFirst();
    }

    default CredentialKind get(String code) {
        return find(code)
                .orElseThrow(() -> new InvalidInputException(
                        "kind",
                        "Unknown kind '" + code + "' (known: "
                                + String.join(
                                        ", ",
                                        all().stream().map(CredentialKind::code).toList()) + ")."));
    }

    /** The kind the form preselects. */
    default CredentialKind preselected() {
        return all().get(0);
    }
}
