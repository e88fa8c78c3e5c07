package de.erpconnect.interfaces.oauth;

import de.erpconnect.application.token.SigningKeys;
import de.erpconnect.common.Jsonp;
import de.erpconnect.domain.shared.RealmId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The realm's public signing keys as a JWK Set (RFC 7517 §5; EC keys per RFC 7518 §6.2). */
@ApplicationScoped
@Path("/jwks")
public class JwksEndpoint {

    @Inject
    SigningKeys signingKeys;

    @GET
    @Produces({"application/jwk-set+json", MediaType.APPLICATION_JSON})
    public Response jwks() {
        return of(signingKeys, RealmId.ERP);
    }

    /** The JWK Set of a realm (also a cloud realm's, DESIGN §9). */
    public static Response of(SigningKeys signingKeys, RealmId realm) {
        JsonArrayBuilder keys = Jsonp.JSON.createArrayBuilder();
        signingKeys
                .publishedKeys(realm)
                .forEach(k -> keys.add(Jsonp.JSON
                        .createObjectBuilder()
                        .add("kty", "EC")
                        .add("crv", "P-256")
                        .add("kid", k.kid())
                        .add("use", "sig")
                        .add("alg", k.algorithm())
                        .add("x", k.x())
                        .add("y", k.y())));
        return Response.ok(Jsonp.JSON
                        .createObjectBuilder()
                        .add("keys", keys)
                        .build()
                        .toString())
                .header("Cache-Control", "public, max-age=300")
                .build();
    }
}
