package de.erpconnect.interfaces.admin.licence;

import de.erpconnect.application.licence.LicenceService;
import de.erpconnect.application.licence.LicenceView;
import de.erpconnect.domain.shared.BusinessException;
import de.erpconnect.interfaces.admin.PageMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * "Lizenz / Aktivierungen" ("HILFE → LIZENZ"): the licence, the list of activations, "Hinzufügen"
 * with "Aktivierungsschlüssel manuell erfassen" and the exact rejection message next to the key,
 * "Deaktivieren" — all through {@link LicenceService}, like {@code /api/admin/activations}.
 */
@Named("licencePage")
@ViewScoped
public class LicenceBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    LicenceService licences;

    private LicenceView licence;
    private List<LicenceView.ActivationView> activations;
    private boolean manual = true;
    private String key;

    public LicenceView getLicence() {
        if (licence == null) {
            licence = licences.licence();
        }
        return licence;
    }

    public List<LicenceView.ActivationView> getActivations() {
        if (activations == null) {
            activations = licences.activations();
        }
        return activations;
    }

    public boolean isManual() {
        return manual;
    }

    public void setManual(boolean manual) {
        this.manual = manual;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    /** "Weiter" in the dialog: activates the key, or shows why not next to it. */
    public void activate() {
        try {
            LicenceView.ActivationView added = licences.activate(key);
            key = null;
            reload();
            PageMessages.info(
                    "licence.activated", added.partnerAppName() != null ? added.partnerAppName() : added.edition());
            PrimeFaces.current().executeScript("PF('addDialog').hide()");
        } catch (BusinessException e) {
            PageMessages.error("add:key", e);
        }
    }

    public void deactivate(long id) {
        try {
            licences.deactivate(id);
            PageMessages.info("licence.deactivated");
        } catch (BusinessException e) {
            PageMessages.error(null, e);
        }
        reload();
    }

    public String format(Instant instant) {
        return PageMessages.format(instant);
    }

    private void reload() {
        licence = null;
        activations = null;
    }
}
