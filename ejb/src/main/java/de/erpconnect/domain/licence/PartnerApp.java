package de.erpconnect.domain.licence;

import de.erpconnect.domain.client.Scope;
import java.util.Set;

/**
 * A certified partner app from the vendor-signed catalogue: the numeric id its activation keys
 * name, the code applications use as their kind, vendor, name and the scopes it may request.
 */
public record PartnerApp(int id, String code, String vendor, String name, String description, Set<Scope> scopes) {

    /** "MBCOM IT-Systemhaus GmbH - MBCOM ConnectELO (Partner-App)", as "Anwendungsart" shows it. */
    public String displayName() {
        return vendor + " - " + name + " (Partner-App)";
    }
}
