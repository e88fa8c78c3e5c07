package de.erpconnect.application.client;

import de.erpconnect.application.licence.PartnerAppWithdrawn;
import de.erpconnect.domain.client.ClientApplication;
import de.erpconnect.domain.client.ClientApplicationRepository;
import de.erpconnect.domain.shared.RealmId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * The applications of a partner app whose activation was withdrawn stop at once (DESIGN §3): they
 * are deactivated in the deactivation's own transaction and dropped from the client cache of every
 * node, so they get no more tokens and their tokens stop working.
 */
@ApplicationScoped
public class PartnerAppClients {

    @Inject
    ClientApplicationRepository applications;

    @Inject
    ClientDirectory clients;

    void withdraw(@Observes PartnerAppWithdrawn withdrawn) {
        Instant now = withdrawn.at();
        int stopped = 0;
        for (ClientApplication a : applications.findByKind(RealmId.ERP, withdrawn.partnerAppCode())) {
            if (a.isActive()) {
                a.deactivate(now);
                clients.invalidate(a);
                stopped++;
            }
        }
        withdrawn.stopped(stopped);
    }
}
