package de.erpconnect.interfaces.oauth;

import de.erpconnect.application.token.AuthorizationCodeGrantType;
import de.erpconnect.application.token.IssuedToken;
import de.erpconnect.domain.client.ClientProof;
import de.erpconnect.interfaces.http.FormParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The authorization code grant, RFC 6749 §4.1.3, with PKCE verification (RFC 7636 §4.5–4.6):
 * {@code code}, {@code redirect_uri} and {@code code_verifier}. Public clients authenticate only
 * by {@code client_id}; the verifier is their proof.
 */
@ApplicationScoped
public class AuthorizationCodeGrant {

    static final String TYPE = "authorization_code";

    @Inject
    AuthorizationCodeGrantType grantType;

    IssuedToken handle(ClientProof client, FormParameters form, String dpopJkt, String remoteAddress) {
        return grantType.issue(
                client, form.get("code"), form.get("redirect_uri"), form.get("code_verifier"), dpopJkt, remoteAddress);
    }
}
