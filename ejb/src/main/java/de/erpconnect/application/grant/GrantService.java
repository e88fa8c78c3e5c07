package de.erpconnect.application.grant;

import de.erpconnect.application.shared.Page;
import de.erpconnect.application.shared.PageRequest;
import de.erpconnect.domain.grant.Grant;
import de.erpconnect.domain.grant.GrantNotFoundException;
import de.erpconnect.domain.grant.GrantRepository;
import de.erpconnect.domain.shared.RealmId;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The grants view (DESIGN §6): admins list and revoke every grant; every user sees and revokes
 * their own consents. Revoking ends all tokens of the grant at once.
 */
@Stateless
public class GrantService {

    @Inject
    GrantRepository grants;

    @Inject
    GrantLedger ledger;

    @Resource
    SessionContext session;

    @RolesAllowed("admin")
    public Page<GrantView> list(String user, Long applicationId, boolean includeRevoked, PageRequest page) {
        return new Page<>(
                grants.search(RealmId.ERP, user, applicationId, includeRevoked, page.offset(), page.size()).stream()
                        .map(GrantView::of)
                        .toList(),
                grants.count(RealmId.ERP, user, applicationId, includeRevoked));
    }

    @RolesAllowed("admin")
    public void revoke(long id) {
        Grant grant = grants.getById(RealmId.ERP, id);
        ledger.revokeGrant(grant.getId(), "revoked by an administrator", caller());
    }

    /** The caller's own active consents. */
    @PermitAll
    public List<GrantView> mine() {
        return grants.search(RealmId.ERP, caller(), null, false, 0, 200).stream()
                .map(GrantView::of)
                .toList();
    }

    /** Revokes one of the caller's own consents; another user's grant is "not found". */
    @PermitAll
    public void revokeMine(long id) {
        Grant grant = grants.findById(RealmId.ERP, id)
                .filter(g -> g.getUser().getLogin().value().equals(caller()))
                .orElseThrow(() -> new GrantNotFoundException(id));
        ledger.revokeGrant(grant.getId(), "revoked by the user", caller());
    }

    private String caller() {
        return session.getCallerPrincipal().getName();
    }
}
