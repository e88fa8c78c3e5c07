package de.erpconnect.interfaces.cloud.portal;

import de.erpconnect.application.cloud.CloudCommands;
import de.erpconnect.application.cloud.CloudPortal;
import de.erpconnect.application.cloud.CloudViews.CloudApplicationView;
import de.erpconnect.application.cloud.CloudViews.RealmView;
import de.erpconnect.domain.shared.BusinessException;
import de.erpconnect.interfaces.admin.AdminLayoutBacking;
import de.erpconnect.interfaces.admin.PageMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * "Anwendungen" of a realm: add (name only), the one-time dialog "neue Anwendung erstellt" with
 * ClientId and ClientSecret, the list (name and ClientId, never the secret), delete and renew.
 */
@Named("cloudApplicationsPage")
@ViewScoped
public class ApplicationsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FORM = "add";

    @Inject
    CloudPortal cloud;

    private String name;
    private transient List<CloudApplicationView> applications;
    private transient CloudApplicationView revealed;
    private RealmView realm;

    public RealmView getRealm() {
        if (realm == null) {
            realm = cloud.myRealm();
        }
        return realm;
    }

    public List<CloudApplicationView> getApplications() {
        if (applications == null) {
            applications = cloud.applications();
        }
        return applications;
    }

    public void startAdding() {
        name = null;
        PrimeFaces.current().executeScript("PF('addDialog').show()");
    }

    public void save() {
        try {
            revealed = cloud.addApplication(new CloudCommands.AddApplication(name));
            applications = null;
            name = null;
            PrimeFaces.current().executeScript("PF('addDialog').hide();PF('secretDialog').show()");
        } catch (BusinessException e) {
            PageMessages.fieldErrors(FORM, e);
        }
    }

    public void renew(long id) {
        try {
            revealed = cloud.renewSecret(id);
            applications = null;
            PrimeFaces.current().executeScript("PF('secretDialog').show()");
        } catch (BusinessException e) {
            PageMessages.error(null, e);
        }
    }

    public void delete(long id) {
        try {
            cloud.deleteApplication(id);
            applications = null;
            PageMessages.info("cloud.apps.deleted");
        } catch (BusinessException e) {
            PageMessages.error(null, e);
        }
    }

    /** "VERSTANDEN": the secret is forgotten; it cannot be shown again. */
    public void understood() {
        revealed = null;
    }

    public String format(Instant instant) {
        return PageMessages.format(instant);
    }

    public String logout() {
        return AdminLayoutBacking.endSession("/cloud/login.xhtml?loggedOut=1");
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public CloudApplicationView getRevealed() {
        return revealed;
    }
}
