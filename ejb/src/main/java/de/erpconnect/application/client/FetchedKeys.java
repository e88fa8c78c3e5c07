package de.erpconnect.application.client;

import de.erpconnect.domain.client.ClientApplicationRepository;
import de.erpconnect.domain.client.ClientId;
import de.erpconnect.domain.client.ClientKeys;
import de.erpconnect.domain.client.JwksUri;
import de.erpconnect.domain.shared.RealmId;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Keeps the JWK Set last fetched from an application's {@code jwks_uri} as its stored keys, so that
 * a key the partner app withdrew does not come back when a later fetch fails (after a restart, say).
 * Written only when the set changed, in its own transaction (the token request that fetched it runs
 * without one), and only while the application still names that uri.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class FetchedKeys {

    @Inject
    ClientApplicationRepository applications;

    @Inject
    ClientDirectory clients;

    public void store(RealmId realm, ClientId clientId, JwksUri uri, ClientKeys keys) {
        if (applications.storeFetchedKeys(realm, clientId, uri.toString(), keys.json())) {
            clients.invalidate(realm, clientId);
        }
    }
}
