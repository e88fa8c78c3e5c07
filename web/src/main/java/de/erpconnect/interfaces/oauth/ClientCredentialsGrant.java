package de.erpconnect.interfaces.oauth;

import de.erpconnect.application.token.ClientCredentialsGrantType;
import de.erpconnect.application.token.IssuedToken;
import de.erpconnect.domain.client.ClientProof;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.interfaces.http.FormParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The client credentials grant, RFC 6749 §4.4: a confidential client gets an access token whose
 * subject is the application's user (Benutzer) — how a partner app that knows only URL, client id
 * and secret connects. No refresh token is ever issued here (§4.4.3).
 */
@ApplicationScoped
public class ClientCredentialsGrant {

    static final String TYPE = "client_credentials";

    @Inject
    ClientCredentialsGrantType grantType;

    IssuedToken handle(RealmId realm, ClientProof client, FormParameters form, String dpopJkt, String remoteAddress) {
        return grantType.issue(realm, client, form.get("scope"), dpopJkt, remoteAddress);
    }
}
