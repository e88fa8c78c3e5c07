package de.erpconnect.interfaces.admin.grants;

import de.erpconnect.application.client.ApplicationService;
import de.erpconnect.application.client.ApplicationView;
import de.erpconnect.application.grant.GrantService;
import de.erpconnect.application.grant.GrantView;
import de.erpconnect.application.shared.Page;
import de.erpconnect.application.shared.PageRequest;
import de.erpconnect.domain.shared.BusinessException;
import de.erpconnect.domain.user.LoginName;
import de.erpconnect.interfaces.admin.PageMessages;
import de.erpconnect.interfaces.admin.PagedModel;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * "Freigaben": every grant — user, application, scopes, created, last used, expiry — filtered by
 * user, application and state, with "Widerrufen", which ends all tokens of the grant at once;
 * through {@link GrantService}, like {@code /api/admin/grants}.
 */
@Named("grantsPage")
@ViewScoped
public class GrantsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    GrantService grants;

    @Inject
    ApplicationService applications;

    private String user = "";
    private Long applicationId;
    private boolean includeRevoked;
    private List<ApplicationView> applicationChoices;

    private final PagedModel<GrantView> model = new PagedModel<>(this::search, g -> Long.toString(g.id()));

    public PagedModel<GrantView> getModel() {
        return model;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user == null ? "" : user.strip();
    }

    public Long getApplicationId() {
        return applicationId;
    }

    public void setApplicationId(Long applicationId) {
        this.applicationId = applicationId;
    }

    public boolean isIncludeRevoked() {
        return includeRevoked;
    }

    public void setIncludeRevoked(boolean includeRevoked) {
        this.includeRevoked = includeRevoked;
    }

    /** The applications to filter by (the first page of the application list, by name). */
    public List<ApplicationView> getApplicationChoices() {
        if (applicationChoices == null) {
            applicationChoices = applications
                    .list("", new PageRequest(0, PageRequest.MAX_SIZE))
                    .items();
        }
        return applicationChoices;
    }

    /** "Filtern": a login that cannot exist is refused next to the field before the table asks. */
    public void filter() {
        if (user.isEmpty()) {
            return;
        }
        try {
            LoginName.parse(user);
        } catch (BusinessException e) {
            PageMessages.error("grants:user", e);
        }
    }

    /** "Aktiv", "Abgelaufen" or "Widerrufen am …". */
    public String state(GrantView grant) {
        if (grant.revokedAt() != null) {
            return PageMessages.text("grants.revokedAt") + " " + format(grant.revokedAt());
        }
        if (grant.expiresAt() != null && grant.expiresAt().isBefore(Instant.now())) {
            return PageMessages.text("grants.expired");
        }
        return PageMessages.text("grants.active");
    }

    public void revoke(long id) {
        try {
            grants.revoke(id);
            PageMessages.info("grants.revoked");
        } catch (BusinessException e) {
            PageMessages.error(null, e);
        }
    }

    private Page<GrantView> search(PageRequest request) {
        try {
            return grants.list(user.isEmpty() ? null : user, applicationId, includeRevoked, request);
        } catch (BusinessException e) { // refused by filter() already
            return new Page<>(List.of(), 0);
        }
    }

    public String format(Instant instant) {
        return PageMessages.format(instant);
    }
}
