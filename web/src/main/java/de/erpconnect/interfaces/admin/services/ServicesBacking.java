package de.erpconnect.interfaces.admin.services;

import de.erpconnect.application.licence.LicenceDirectory;
import de.erpconnect.application.service.AutomationServices;
import de.erpconnect.application.service.AutomationServices.GraphqlServerView;
import de.erpconnect.domain.licence.Edition;
import de.erpconnect.domain.shared.BusinessException;
import de.erpconnect.interfaces.admin.PageMessages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Instant;

/**
 * "Automatisierungsdienste": starts and stops the GraphQL-Server (the endpoint URL goes into the
 * event log) and switches its interactive web UI — through {@link AutomationServices}, like
 * {@code /api/admin/services/graphql-server}.
 */
@Named("servicesPage")
@ViewScoped
public class ServicesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AutomationServices services;

    @Inject
    LicenceDirectory licences;

    @Inject
    HttpServletRequest request;

    private GraphqlServerView server;
    private Boolean interactive;

    public GraphqlServerView getServer() {
        if (server == null) {
            server = services.graphqlServer();
        }
        return server;
    }

    public boolean isInteractive() {
        return interactive != null ? interactive : getServer().interactive();
    }

    public void setInteractive(boolean interactive) {
        this.interactive = interactive;
    }

    public boolean isEnterprise() {
        return licences.current().edition() == Edition.ENTERPRISE;
    }

    public void start() {
        run(() -> server = services.start(actor()), "services.started", null);
    }

    public void stop() {
        run(() -> server = services.stop(actor()), "services.stoppedNow", null);
    }

    public void save() {
        run(() -> server = services.setInteractive(isInteractive(), actor()), "services.saved", "graphql:interactive");
        interactive = null;
    }

    public String format(Instant instant) {
        return PageMessages.format(instant);
    }

    private void run(Runnable action, String doneKey, String fieldId) {
        try {
            action.run();
            PageMessages.info(doneKey);
        } catch (BusinessException e) {
            server = null;
            PageMessages.error(fieldId, e);
        }
    }

    private String actor() {
        return request.getUserPrincipal().getName();
    }
}
