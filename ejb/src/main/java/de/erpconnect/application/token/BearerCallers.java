package de.erpconnect.application.token;

import de.erpconnect.application.client.ClientDirectory;
import de.erpconnect.application.grant.GrantDirectory;
import de.erpconnect.application.licence.LicenceDirectory;
import de.erpconnect.application.service.ServiceDirectory;
import de.erpconnect.application.user.CallerDirectory;
import de.erpconnect.application.user.CallerState;
import de.erpconnect.domain.shared.RealmId;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Whether a verified access token may still be used, and by whom (DESIGN §6: roles and state are
 * read live, not trusted from the token): its grant and the token itself are not revoked, the
 * application it was issued to exists, is active and licensed, and its user is active. Asked by the
 * authentication on every bearer request and by introspection.
 */
@Stateless
@PermitAll
public class BearerCallers {

    @Inject
    CallerDirectory callers;

    @Inject
    ClientDirectory clients;

    @Inject
    LicenceDirectory licences;

    @Inject
    GrantDirectory grants;

    @Inject
    ServiceDirectory services;

    /**
     * The live state of a bearer token's subject, if the token may still be used: it was not
     * revoked, nor its grant; the user exists and is active; the application it was issued to
     * still exists, is active and is allowed by the licence in effect, and under its FAPI 2.0 switch
     * the token is DPoP-bound and younger than the switch. All are cached briefly and
     * dropped on every change made here, so a revocation or deactivation takes effect at once.
     * Only reads: it joins a caller's transaction but starts none (it runs for every bearer
     * request and every introspection, where a JTA transaction of its own cost more than the check).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<CallerState> bearerCaller(VerifiedAccessToken token) {
        String login = token.subject();
        if (grants.isRevoked(token.jwtId()) || (token.grantId() != null && !grants.isUsable(token.grantId()))) {
            return Optional.empty();
        }
        boolean clientActive = clients.find(RealmId.ERP, token.clientId())
                .map(c -> c.active()
                        && c.actsFor(login)
                        && c.acceptsUnderFapi2(token.issuedAt(), token.dpopBound())
                        && (!c.builtIn() || services.interactiveEnabled())
                        && licences.refusal(c.kind(), c.clientType()).isEmpty())
                .orElse(false);
        if (!clientActive) {
            return Optional.empty();
        }
        return callers.find(RealmId.ERP, login).filter(CallerState::active);
    }

    /**
     * The live state behind a cloud realm's access token: the application it was issued to still
     * exists and is active, and its user is active. A deleted cloud application's tokens stop at once.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<CallerState> realmBearerCaller(RealmId realm, String login, String clientId, String jwtId) {
        if (grants.isRevoked(jwtId)) {
            return Optional.empty();
        }
        boolean clientActive = clients.find(realm, clientId)
                .map(c -> c.active() && c.actsFor(login))
                .orElse(false);
        return clientActive ? callers.find(realm, login).filter(CallerState::active) : Optional.empty();
    }
}
