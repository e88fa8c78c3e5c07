package de.erpconnect.interfaces.admin.platforms;

import de.erpconnect.application.platform.PlatformCommand;
import de.erpconnect.application.platform.PlatformLogin;
import de.erpconnect.application.platform.PlatformService;
import de.erpconnect.application.platform.PlatformView;
import de.erpconnect.application.shared.Page;
import de.erpconnect.application.shared.PageRequest;
import de.erpconnect.domain.shared.BusinessException;
import de.erpconnect.interfaces.admin.PageMessages;
import de.erpconnect.interfaces.admin.SearchPage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.primefaces.PrimeFaces;

/**
 * "Plattformen" ("E-COMMERCE → PLATTFORMEN", DESIGN §9): Amazon profiles with "microtech Cloud
 * verwenden", "Aktiv", the tabs "Zugangsdaten" (Region, login status, ANMELDEN/AKTUALISIEREN) and
 * "Vorgangserzeugung". ANMELDEN answers Seller Central's consent URL, which the page opens in the
 * tab it opened on the click; while the consent is pending the page asks the cloud every few
 * seconds until the status is "Authentifiziert". Löschen warns first.
 */
@Named("platformsPage")
@ViewScoped
public class PlatformsBacking extends SearchPage<PlatformView> {

    private static final long serialVersionUID = 1L;
    static final String FORM = "platform";

    @Inject
    PlatformService platforms;

    @Inject
    PlatformLogin login;

    private Editing editing;
    private PlatformView shown;
    private transient List<PlatformView.Region> regions;

    /** What the form edits; {@code id} is null for "Neu". */
    public static final class Editing implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long id;
        private String name;
        private boolean useCloud = true;
        private boolean active = true;
        private String country = "DE";
        private String transactionKind = "Auftrag";
        private String shippingPayment = "Versand";
        private String paymentMethod = "Amazon Pay";
        private String shippingMethod = "Amazon";

        Editing() {}

        Editing(PlatformView p) {
            id = p.id();
            name = p.name();
            useCloud = p.useCloud();
            active = p.active();
            country = p.country();
            transactionKind = p.transactionKind();
            shippingPayment = p.shippingPayment();
            paymentMethod = p.paymentMethod();
            shippingMethod = p.shippingMethod();
        }

        PlatformCommand command() {
            return new PlatformCommand(
                    name,
                    "AMAZON",
                    useCloud,
                    active,
                    country,
                    transactionKind,
                    shippingPayment,
                    paymentMethod,
                    shippingMethod);
        }

        public boolean isExisting() {
            return id != null;
        }

        public Long getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public boolean isUseCloud() {
            return useCloud;
        }

        public void setUseCloud(boolean useCloud) {
            this.useCloud = useCloud;
        }

        public boolean isActive() {
            return active;
        }

        public void setActive(boolean active) {
            this.active = active;
        }

        public String getCountry() {
            return country;
        }

        public void setCountry(String country) {
            this.country = country;
        }

        public String getTransactionKind() {
            return transactionKind;
        }

        public void setTransactionKind(String transactionKind) {
            this.transactionKind = transactionKind;
        }

        public String getShippingPayment() {
            return shippingPayment;
        }

        public void setShippingPayment(String shippingPayment) {
            this.shippingPayment = shippingPayment;
        }

        public String getPaymentMethod() {
            return paymentMethod;
        }

        public void setPaymentMethod(String paymentMethod) {
            this.paymentMethod = paymentMethod;
        }

        public String getShippingMethod() {
            return shippingMethod;
        }

        public void setShippingMethod(String shippingMethod) {
            this.shippingMethod = shippingMethod;
        }
    }

    public PlatformsBacking() {
        super(p -> Long.toString(p.id()));
    }

    @Override
    protected Page<PlatformView> search(String query, PageRequest request) {
        return platforms.list(query, request);
    }

    public List<PlatformView.Region> getRegions() {
        if (regions == null) {
            regions = platforms.regions();
        }
        return regions;
    }

    public Editing getEditing() {
        return editing;
    }

    /** The saved profile the form shows (status, marketplaces); null for "Neu". */
    public PlatformView getShown() {
        return shown;
    }

    public boolean isPending() {
        return shown != null && "PENDING".equals(shown.status());
    }

    public void create() {
        editing = new Editing();
        shown = null;
    }

    public void edit(long id) {
        try {
            shown = platforms.get(id);
            editing = new Editing(shown);
        } catch (BusinessException e) {
            PageMessages.error(null, e);
        }
    }

    public void cancel() {
        editing = null;
        shown = null;
    }

    public void save() {
        try {
            shown = editing.isExisting()
                    ? platforms.update(editing.getId(), editing.command())
                    : platforms.create(editing.command());
            editing = new Editing(shown);
            PageMessages.info("platforms.saved", shown.name());
        } catch (BusinessException e) {
            PageMessages.fieldErrors(FORM, e);
        }
    }

    /**
     * ANMELDEN / AKTUALISIEREN: the cloud's consent URL goes to the tab the click opened
     * ({@code erpConsent} in admin.js); a refusal closes that tab again and says why.
     */
    public void signIn() {
        if (editing == null || !editing.isExisting()) {
            return;
        }
        try {
            PlatformView answer = shown != null && shown.registeredInCloud()
                    ? login.renewConsent(editing.getId())
                    : login.signIn(editing.getId());
            shown = answer;
            PrimeFaces.current().ajax().addCallbackParam("consentUrl", answer.consentUrl());
            PageMessages.info("platforms.consentOpened", answer.name());
        } catch (BusinessException e) {
            PageMessages.error(null, e);
        }
    }

    /** "Verbindung prüfen": one SP-API call through the cloud. */
    public void check() {
        if (shown == null || !shown.registeredInCloud()) {
            return;
        }
        try {
            shown = login.check(shown.id());
            if (shown.message() != null) {
                PageMessages.warn("platforms.loginMessage", shown.message());
            } else {
                PageMessages.info("platforms.checkedOk", shown.marketplaces());
            }
        } catch (BusinessException e) {
            PageMessages.error(null, e);
        }
    }

    /** Asked every few seconds while a consent is pending. */
    public void poll() {
        if (shown == null || !shown.registeredInCloud()) {
            return;
        }
        try {
            shown = login.refresh(shown.id());
            if (!isPending() && shown.message() != null) {
                PageMessages.warn("platforms.loginMessage", shown.message());
            } else if ("AUTHENTICATED".equals(shown.status())) {
                PageMessages.info("platforms.authenticated", shown.name());
            }
        } catch (BusinessException e) {
            PageMessages.error(null, e);
        }
    }

    public void delete(long id) {
        try {
            platforms.delete(id);
            if (editing != null && editing.isExisting() && editing.getId() == id) {
                editing = null;
                shown = null;
            }
            PageMessages.info("platforms.deleted");
        } catch (BusinessException e) {
            PageMessages.error(null, e);
        }
    }

    public String format(Instant instant) {
        return instant == null ? "" : PageMessages.format(instant);
    }
}
