package de.erpconnect.interfaces.pages;

import de.erpconnect.application.licence.LicenceDirectory;
import de.erpconnect.application.service.ServiceDirectory;
import de.erpconnect.common.Settings;
import de.erpconnect.domain.licence.Edition;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The start page at {@code /}: where a person who typed the server's address can go — the admin
 * pages and "Meine Freigaben" on an ERP installation, GraphiQL while it is switched on, the vendor
 * cloud's portal where that role runs, and the discovery document partner-app developers need.
 */
@Named("startPage")
@RequestScoped
public class StartBacking {

    @Inject
    Settings settings;

    @Inject
    ServiceDirectory services;

    @Inject
    LicenceDirectory licences;

    public boolean isErp() {
        return settings.erpRole();
    }

    public boolean isCloud() {
        return settings.cloudRole();
    }

    public boolean isGraphiql() {
        return settings.erpRole()
                && services.graphqlRunning()
                && services.interactiveEnabled()
                && licences.current().edition() == Edition.ENTERPRISE;
    }
}
