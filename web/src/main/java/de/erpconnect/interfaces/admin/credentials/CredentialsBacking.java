package de.erpconnect.interfaces.admin.credentials;

import de.erpconnect.application.credential.AccessCredentialCommand;
import de.erpconnect.application.credential.AccessCredentialService;
import de.erpconnect.application.credential.AccessCredentialView;
import de.erpconnect.application.shared.Page;
import de.erpconnect.application.shared.PageRequest;
import de.erpconnect.domain.shared.BusinessException;
import de.erpconnect.interfaces.admin.PageMessages;
import de.erpconnect.interfaces.admin.SearchPage;
import de.erpconnect.interfaces.admin.ServiceWording;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * "Zugangsdaten" ("PARAMETER → SONSTIGE → ZUGANGSDATEN"): the records without their secrets, one
 * form for "Neu" and "Bearbeiten" with the tabs "Einstellungen" and "Info", "Testen" and
 * "Löschen" — through {@link AccessCredentialService}, like {@code /api/admin/credentials}. The
 * secret is write-only: typed, sent, forgotten.
 */
@Named("credentialsPage")
@ViewScoped
public class CredentialsBacking extends SearchPage<AccessCredentialView> {

    private static final long serialVersionUID = 1L;
    static final String FORM = "credential";

    @Inject
    AccessCredentialService credentials;

    private Editing editing;
    private List<AccessCredentialView.KindView> kinds;

    /** What the form edits; {@code existing} is false for "Neu". */
    public static final class Editing implements Serializable {
        private static final long serialVersionUID = 1L;
        private final boolean existing;
        private Integer number;
        private boolean active;
        private String kind;
        private String name;
        private String clientId;
        private transient String clientSecret;
        private String info;

        Editing(AccessCredentialView.Template template) {
            existing = false;
            number = template.number();
            active = template.active();
            kind = template.kind();
            name = template.name();
        }

        Editing(AccessCredentialView record) {
            existing = true;
            number = record.number();
            active = record.active();
            kind = record.kind();
            name = record.name();
            clientId = record.clientId();
            info = record.info();
        }

        public boolean isExisting() {
            return existing;
        }

        public Integer getNumber() {
            return number;
        }

        public void setNumber(Integer number) {
            this.number = number;
        }

        public boolean isActive() {
            return active;
        }

        public void setActive(boolean active) {
            this.active = active;
        }

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getClientId() {
            return clientId;
        }

        public void setClientId(String clientId) {
            this.clientId = clientId;
        }

        /** Never read back into the page: the field stays empty (write-only). */
        public String getClientSecret() {
            return null;
        }

        public void setClientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
        }

        public String getInfo() {
            return info;
        }

        public void setInfo(String info) {
            this.info = info;
        }

        AccessCredentialCommand command() {
            String secret = clientSecret == null || clientSecret.isEmpty() ? null : clientSecret;
            return new AccessCredentialCommand(
                    existing ? null : number,
                    active,
                    existing ? null : kind,
                    name == null ? null : name.strip(),
                    clientId == null || clientId.isBlank() ? null : clientId.strip(),
                    secret,
                    info == null ? "" : info);
        }
    }

    public CredentialsBacking() {
        super(c -> Integer.toString(c.number()));
    }

    @Override
    protected Page<AccessCredentialView> search(String query, PageRequest request) {
        return credentials.list(query, request);
    }

    public Editing getEditing() {
        return editing;
    }

    /** "Art": "microtech Cloud" first (preselected), the list is configuration. */
    public List<AccessCredentialView.KindView> getKinds() {
        if (kinds == null) {
            kinds = credentials.kinds();
        }
        return kinds;
    }

    public void create() {
        editing = new Editing(credentials.template());
    }

    public void edit(int number) {
        try {
            editing = new Editing(credentials.get(number));
        } catch (BusinessException e) {
            PageMessages.error(null, e);
        }
    }

    /** The Bezeichnung follows the Art while it is empty or still the name of an Art. */
    public void kindChanged() {
        if (editing == null || editing.isExisting()) {
            return;
        }
        String name = editing.getName();
        if (name == null
                || name.isBlank()
                || getKinds().stream().anyMatch(k -> k.name().equals(name))) {
            editing.setName(kindName(editing.getKind()));
        }
    }

    public String kindName(String code) {
        return getKinds().stream()
                .filter(k -> k.code().equals(code))
                .map(AccessCredentialView.KindView::name)
                .findFirst()
                .orElse(code);
    }

    public void cancel() {
        editing = null;
    }

    public void save() {
        try {
            AccessCredentialView saved = editing.isExisting()
                    ? credentials.update(editing.getNumber(), editing.command())
                    : credentials.create(editing.command());
            PageMessages.info(
                    editing.isExisting() ? "credentials.updated" : "credentials.created",
                    String.valueOf(saved.number()));
            editing = null;
        } catch (BusinessException e) {
            PageMessages.fieldErrors(FORM, e);
        } finally {
            if (editing != null) {
                editing.setClientSecret(null);
            }
        }
    }

    /** "Testen": a client-credentials request with the stored id and secret; the exact outcome. */
    public void test(int number) {
        try {
            AccessCredentialView.TestResult result = credentials.test(number);
            String outcome = ServiceWording.wording(
                    result.message(),
                    FacesContext.getCurrentInstance().getViewRoot().getLocale());
            if (result.ok()) {
                PageMessages.info("credentials.test.ok", String.valueOf(number), outcome);
            } else {
                PageMessages.warn("credentials.test.failed", String.valueOf(number), outcome);
            }
        } catch (BusinessException e) {
            PageMessages.error(null, e);
        }
    }

    public void delete(int number) {
        try {
            credentials.delete(number);
            if (editing != null && editing.isExisting() && editing.getNumber() == number) {
                editing = null;
            }
            PageMessages.info("credentials.deleted", String.valueOf(number));
        } catch (BusinessException e) {
            PageMessages.error(null, e);
        }
    }

    public String format(Instant instant) {
        return PageMessages.format(instant);
    }
}
