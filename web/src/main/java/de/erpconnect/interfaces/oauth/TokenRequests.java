package de.erpconnect.interfaces.oauth;

import de.erpconnect.application.token.DpopProofs;
import de.erpconnect.application.token.IssuedToken;
import de.erpconnect.common.Jsonp;
import de.erpconnect.common.Settings;
import de.erpconnect.domain.client.ClientProof;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.domain.token.OAuthError;
import de.erpconnect.domain.token.OAuthException;
import de.erpconnect.interfaces.http.FormParameters;
import de.erpconnect.interfaces.security.RemoteAddresses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * What a token endpoint does (RFC 6749 §3.2), for the ERP realm and for every realm of the vendor
 * cloud: reads the form strictly, authenticates the client within the realm and hands the request
 * to the class of its grant type. A cloud realm knows only client credentials (DESIGN §9). Every
 * answer carries {@code Cache-Control: no-store}.
 */
@ApplicationScoped
public class TokenRequests {

    @Inject
    ClientAuthenticator clientAuthenticator;

    @Inject
    ClientCredentialsGrant clientCredentials;

    @Inject
    AuthorizationCodeGrant authorizationCode;

    @Inject
    RefreshTokenGrant refreshToken;

    @Inject
    RemoteAddresses remoteAddresses;

    @Inject
    Settings settings;

    @Inject
    DpopProofs dpopProofs;

    /**
     * Answers the token request on {@code response}, now or, for a refresh token, once its
     * rotation is committed; failures (also an unknown realm) go through the application's
     * exception mapping.
     */
    public void answer(
            Supplier<RealmId> realm,
            HttpHeaders headers,
            HttpServletRequest request,
            InputStream body,
            AsyncResponse response) {
        CompletionStage<Response> answer;
        try {
            answer = handle(realm.get(), headers, request, body);
        } catch (RuntimeException e) {
            response.resume(e);
            return;
        }
        resumeWhenDone(answer, response);
    }

    /**
     * Resumes {@code response} with the stage's answer, or with the failure that ended it (not the
     * {@link CompletionException} around it), so that the failure goes through the exception
     * mapping as if the resource method had thrown it.
     */
    static void resumeWhenDone(CompletionStage<?> answer, AsyncResponse response) {
        answer.whenComplete((result, failure) -> {
            if (failure == null) {
                response.resume(result);
            } else {
                response.resume(
                        failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause()
                                : failure);
            }
        });
    }

    private CompletionStage<Response> handle(
            RealmId realm, HttpHeaders headers, HttpServletRequest request, InputStream body) {
        FormParameters form = OAuthForms.read(headers, request, body);
        String grantType = form.get("grant_type");
        if (grantType == null) {
            throw new OAuthException(OAuthError.INVALID_REQUEST, "The parameter grant_type is missing.");
        }
        boolean erp = realm.equals(RealmId.ERP);
        if (!ClientCredentialsGrant.TYPE.equals(grantType)
                && !(erp && AuthorizationCodeGrant.TYPE.equals(grantType))
                && !(erp && RefreshTokenGrant.TYPE.equals(grantType))) {
            throw new OAuthException(
                    OAuthError.UNSUPPORTED_GRANT_TYPE,
                    erp
                            ? "Supported grant types: authorization_code, refresh_token, client_credentials."
                            : "A cloud realm supports the grant type client_credentials only.");
        }
        String endpoint =
                erp ? settings.publicUrl().resolve("/oauth2/token") : settings.issuer(realm) + "/oauth2/token";
        ClientProof client = clientAuthenticator.presented(OAuthForms.authorization(headers), form, endpoint);
        String jkt = erp ? dpopKey(headers, endpoint) : null;
        String remote = remoteAddresses.of(request);
        CompletionStage<IssuedToken> token = switch (grantType) {
            case AuthorizationCodeGrant.TYPE ->
                CompletableFuture.completedFuture(authorizationCode.handle(client, form, jkt, remote));
            case RefreshTokenGrant.TYPE -> refreshToken.handle(client, form, jkt, remote);
            default -> CompletableFuture.completedFuture(clientCredentials.handle(realm, client, form, jkt, remote));
        };
        String nonce = jkt == null ? null : dpopProofs.currentNonce();
        return token.thenApply(issued -> tokenResponse(issued, nonce));
    }

    /**
     * The thumbprint of the key of the request's DPoP proof (RFC 9449 §5), checked for this
     * endpoint; null without one. Two {@code DPoP} headers are refused (§4.3, item 1). The cloud's
     * realms do not take DPoP proofs.
     */
    private String dpopKey(HttpHeaders headers, String endpoint) {
        List<String> proofs = headers.getRequestHeader(DpopProofs.HEADER);
        if (proofs == null || proofs.isEmpty()) {
            return null;
        }
        if (proofs.size() > 1) {
            throw new OAuthException(OAuthError.INVALID_DPOP_PROOF, "Send one DPoP header, not " + proofs.size() + ".");
        }
        // the public URL only: the request's own URL is built from its Host header, which the sender chooses
        return dpopProofs.verify(proofs.get(0), "POST", endpoint, null, null);
    }

    /** The successful answer, RFC 6749 §5.1; a DPoP-bound token with its type and the next nonce. */
    private static Response tokenResponse(IssuedToken token, String nonce) {
        var answer = Jsonp.JSON
                .createObjectBuilder()
                .add("access_token", token.accessToken())
                .add("token_type", token.dpop() ? "DPoP" : "Bearer")
                .add("expires_in", token.expiresIn())
                .add("scope", token.scope());
        if (token.refreshToken() != null) {
            answer.add("refresh_token", token.refreshToken());
        }
        Response.ResponseBuilder response = Response.ok(answer.build().toString())
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache");
        if (nonce != null) {
            response.header(DpopProofs.NONCE_HEADER, nonce);
        }
        return response.build();
    }
}
