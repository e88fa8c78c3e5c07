package de.erpconnect.interfaces.oauth;

import de.erpconnect.application.token.TokenIntrospection;
import de.erpconnect.common.Jsonp;
import de.erpconnect.common.Settings;
import de.erpconnect.domain.client.ClientProof;
import de.erpconnect.domain.token.AccessTokenClaims;
import de.erpconnect.interfaces.http.FormParameters;
import de.erpconnect.interfaces.security.AccessTokenVerifier;
import de.erpconnect.interfaces.security.InvalidTokenException;
import de.erpconnect.interfaces.security.RemoteAddresses;
import de.erpconnect.interfaces.security.VerifiedToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * Token introspection, RFC 7662. Only an authenticated client may ask, and only about its own
 * tokens: anything else — unknown, expired, revoked, of a deactivated user or application, or of
 * another client — is {@code {"active":false}} (§2.2), so introspection reveals nothing.
 */
@ApplicationScoped
@Path("/introspect")
public class IntrospectionEndpoint {

    private static final String INACTIVE = "{\"active\":false}";

    @Inject
    ClientAuthenticator clientAuthenticator;

    @Inject
    TokenIntrospection introspection;

    @Inject
    AccessTokenVerifier verifier;

    @Inject
    RemoteAddresses remoteAddresses;

    @Inject
    Settings settings;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response introspect(@Context HttpHeaders headers, @Context HttpServletRequest request, InputStream body) {
        FormParameters form = OAuthForms.read(headers, request, body);
        ClientProof presented = clientAuthenticator.presented(
                OAuthForms.authorization(headers), form, settings.publicUrl().resolve("/oauth2/introspect"));
        String remoteAddress = remoteAddresses.of(request);
        String token = form.get("token");
        VerifiedToken verified = null;
        if (token != null && token.indexOf('.') > 0) {
            try {
                verified = verifier.verify(token);
            } catch (InvalidTokenException e) {
                // expired, foreign or malformed: inactive, once the client is authenticated
            }
        }
        String answer = verified != null
                ? accessToken(presented, remoteAddress, verified)
                : refreshToken(presented, remoteAddress, token);
        return Response.ok(answer).header("Cache-Control", "no-store").build();
    }

    private String accessToken(ClientProof presented, String remoteAddress, VerifiedToken verified) {
        if (!introspection.accessTokenActive(presented, remoteAddress, verified.facts())) {
            return INACTIVE;
        }
        JsonObjectBuilder b = Jsonp.JSON
                .createObjectBuilder()
                .add("active", true)
                .add("token_type", verified.dpopBound() ? "DPoP" : "Bearer")
                .add(
                        "scope",
                        String.join(" ", verified.scopes().stream().sorted().toList()))
                .add("client_id", verified.clientId())
                .add("username", verified.subject())
                .add("sub", verified.subject())
                .add("iss", settings.issuer())
                .add("aud", settings.issuer())
                .add("exp", verified.expiresAtEpochSecond())
                .add("iat", verified.jwt().getIssuedAtTime())
                .add("jti", verified.jwtId());
        if (verified.dpopBound()) {
            // RFC 9449 §6.2: the resource server checks the proof's key against it
            b.add(
                    AccessTokenClaims.CONFIRMATION,
                    Jsonp.JSON.createObjectBuilder().add(AccessTokenClaims.THUMBPRINT, verified.jkt()));
        }
        return b.build().toString();
    }

    private String refreshToken(ClientProof presented, String remoteAddress, String token) {
        return introspection
                .refreshToken(presented, remoteAddress, token)
                .map(f -> Jsonp.JSON
                        .createObjectBuilder()
                        .add("active", true)
                        .add("token_type", "refresh_token")
                        .add("scope", f.scope())
                        .add("client_id", f.clientId())
                        .add("username", f.subject())
                        .add("sub", f.subject())
                        .add("iss", settings.issuer())
                        .add("exp", f.expiresAt().getEpochSecond())
                        .build()
                        .toString())
                .orElse(INACTIVE);
    }
}
