package de.erpconnect.interfaces.oauth;

import de.erpconnect.application.cloud.CloudRealms;
import de.erpconnect.application.token.DpopProofs;
import de.erpconnect.common.Jsonp;
import de.erpconnect.common.Settings;
import de.erpconnect.domain.client.ClientKeys;
import de.erpconnect.domain.client.Scope;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.interfaces.cloud.api.RealmEndpoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Authorization server metadata (RFC 8414 §2, §3) at {@code /.well-known/oauth-authorization-server}.
 * Every URL is built from {@code ERPCONNECT_PUBLIC_URL}, never from the request's Host header.
 * It lists what the server supports today and grows with it.
 */
@ApplicationScoped
@Path("/oauth-authorization-server")
public class DiscoveryEndpoint {

    @Inject
    Settings settings;

    @Inject
    CloudRealms realms;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response metadata() {
        JsonArrayBuilder scopes = Jsonp.JSON.createArrayBuilder();
        Scope.ofErp().forEach(s -> scopes.add(s.wireName()));
        return Response.ok(Jsonp.JSON
                        .createObjectBuilder()
                        .add("issuer", settings.issuer())
                        .add("authorization_endpoint", settings.publicUrl().resolve("/oauth2/authorize"))
                        .add("token_endpoint", settings.publicUrl().resolve("/oauth2/token"))
                        .add("revocation_endpoint", settings.publicUrl().resolve("/oauth2/revoke"))
                        .add("introspection_endpoint", settings.publicUrl().resolve("/oauth2/introspect"))
                        .add("jwks_uri", settings.publicUrl().resolve("/oauth2/jwks"))
                        .add(
                                "response_types_supported",
                                Jsonp.JSON.createArrayBuilder().add("code"))
                        .add(
                                "response_modes_supported",
                                Jsonp.JSON.createArrayBuilder().add("query"))
                        .add(
                                "grant_types_supported",
                                Jsonp.JSON
                                        .createArrayBuilder()
                                        .add("authorization_code")
                                        .add("refresh_token")
                                        .add("client_credentials"))
                        .add(
                                "token_endpoint_auth_methods_supported",
                                Jsonp.JSON
                                        .createArrayBuilder()
                                        .add("client_secret_basic")
                                        .add("client_secret_post")
                                        .add("private_key_jwt")
                                        .add("none"))
                        .add("token_endpoint_auth_signing_alg_values_supported", assertionAlgorithms())
                        .add("revocation_endpoint_auth_methods_supported", clientAuthMethods())
                        .add("revocation_endpoint_auth_signing_alg_values_supported", assertionAlgorithms())
                        .add("introspection_endpoint_auth_methods_supported", clientAuthMethods())
                        .add("introspection_endpoint_auth_signing_alg_values_supported", assertionAlgorithms())
                        .add(
                                "code_challenge_methods_supported",
                                Jsonp.JSON.createArrayBuilder().add("S256"))
                        .add("scopes_supported", scopes)
                        .add("authorization_response_iss_parameter_supported", true)
                        // RFC 9449 §5.1: token endpoint and APIs take DPoP proofs of these algorithms
                        .add("dpop_signing_alg_values_supported", Jsonp.JSON.createArrayBuilder(DpopProofs.ALGORITHMS))
                        // RFC 9126 §5: pushed requests; an application may require them
                        .add(
                                "pushed_authorization_request_endpoint",
                                settings.publicUrl().resolve("/oauth2/par"))
                        .add("require_pushed_authorization_requests", false)
                        .build()
                        .toString())
                .header("Cache-Control", "public, max-age=300")
                .build();
    }

    /** How a confidential client authenticates at the token, revocation and introspection endpoints. */
    private static JsonArrayBuilder clientAuthMethods() {
        return Jsonp.JSON
                .createArrayBuilder()
                .add("client_secret_basic")
                .add("client_secret_post")
                .add("private_key_jwt");
    }

    /**
     * The algorithms of {@code private_key_jwt} client assertions (RFC 8414 §2): ES256 and PS256,
     * not the RS256 that RFC 8414 suggests (PKCS#1 v1.5 signatures are not accepted).
     */
    private static JsonArrayBuilder assertionAlgorithms() {
        return Jsonp.JSON.createArrayBuilder().add(ClientKeys.ES256).add(ClientKeys.PS256);
    }

    /**
     * A cloud realm's metadata at the RFC 8414 §3.1 inserted path
     * {@code /.well-known/oauth-authorization-server/cloud/realms/{customerNo}} (DESIGN §9): the realm
     * issues client-credentials tokens only.
     */
    @GET
    @Path("/cloud/realms/{customerNo}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response realmMetadata(@PathParam("customerNo") String customerNo) {
        RealmId realm = RealmEndpoints.realmOf(realms, customerNo);
        String issuer = settings.issuer(realm);
        return Response.ok(Jsonp.JSON
                        .createObjectBuilder()
                        .add("issuer", issuer)
                        .add("token_endpoint", issuer + "/oauth2/token")
                        .add("jwks_uri", issuer + "/oauth2/jwks")
                        .add(
                                "grant_types_supported",
                                Jsonp.JSON.createArrayBuilder().add("client_credentials"))
                        .add(
                                "token_endpoint_auth_methods_supported",
                                Jsonp.JSON
                                        .createArrayBuilder()
                                        .add("client_secret_basic")
                                        .add("client_secret_post"))
                        .add("scopes_supported", Jsonp.JSON.createArrayBuilder().add(Scope.CLOUD.wireName()))
                        .build()
                        .toString())
                .header("Cache-Control", "public, max-age=300")
                .build();
    }
}
