package de.erpconnect.interfaces.auth;

import de.erpconnect.application.grant.GrantService;
import de.erpconnect.application.grant.GrantView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** "Meine Freigaben": the applications the logged-in user has granted access, with "Widerrufen". */
@Named("myConsents")
@RequestScoped
public class ConsentsBacking {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(ZoneId.of("Europe/Berlin"));

    @Inject
    GrantService grants;

    private List<GrantView> cached;

    public List<GrantView> getGrants() {
        if (cached == null) {
            cached = grants.mine();
        }
        return cached;
    }

    public String revoke(long id) {
        grants.revokeMine(id);
        cached = null;
        return "consents?faces-redirect=true";
    }

    public String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }
}
