package de.erpconnect.interfaces.oauth;

import de.erpconnect.application.token.IssuedToken;
import de.erpconnect.application.token.RefreshTokenGrantType;
import de.erpconnect.domain.client.ClientProof;
import de.erpconnect.interfaces.http.FormParameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

/**
 * The refresh token grant, RFC 6749 §6, with rotation and reuse detection (RFC 9700 §4.14.2): the
 * answer always carries a new refresh token; {@code scope} may only narrow the granted scopes.
 */
@ApplicationScoped
public class RefreshTokenGrant {

    static final String TYPE = "refresh_token";

    @Inject
    RefreshTokenGrantType grantType;

    /** Completes once the rotation is committed; no request thread waits for that commit. */
    CompletionStage<IssuedToken> handle(ClientProof client, FormParameters form, String dpopJkt, String remoteAddress) {
        return grantType.issue(client, form.get("refresh_token"), form.get("scope"), dpopJkt, remoteAddress);
    }
}
