package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The first partner-app round trip: an admin creates a user and an application, the partner app
 * gets a client-credentials token and reads the demo address through GraphQL.
 */
@ExtendWith(ArquillianExtension.class)
class PartnerAppRoundTripIT {

    static final String ADDRESS_QUERY = "{ tblAddresses { rowRead(kf1AdrNr: {string: \"10000\"}) { fldAdrNr"
            + " lnkPostalAddresses { rowsRead { fldNa1 fldStr fldPLZ fldOrt } } } } }";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItEnv.ear();
    }

    @Test
    void adminCreatesUserAndApplicationPartnerAppReadsTheDemoAddress() {
        String user = Fixtures.graphqlUser();
        JsonObject app = Fixtures.application(user, List.of("graphql"), null);

        Http.Res tokenResponse = Http.token(
                Http.basic(app.getString("clientId"), app.getString("clientSecret")), "grant_type=client_credentials");
        assertEquals(200, tokenResponse.status(), tokenResponse.body());
        assertEquals("no-store", tokenResponse.header("Cache-Control"));
        JsonObject token = tokenResponse.json();
        Secrets.note(token.getString("access_token"));
        assertEquals("Bearer", token.getString("token_type"));
        assertEquals(300, token.getInt("expires_in"));
        assertEquals("graphql", token.getString("scope"));
        assertFalse(token.containsKey("refresh_token"), "client_credentials never issues a refresh token");

        Http.Res gql = Http.graphql(token.getString("access_token"), ADDRESS_QUERY);
        assertEquals(200, gql.status(), gql.body());
        JsonObject body = gql.json();
        assertFalse(body.containsKey("errors"), gql.body());
        JsonObject row =
                body.getJsonObject("data").getJsonObject("tblAddresses").getJsonObject("rowRead");
        assertEquals("10000", row.getString("fldAdrNr"));
        JsonArray postal = row.getJsonObject("lnkPostalAddresses").getJsonArray("rowsRead");
        assertEquals(2, postal.size());
        JsonObject first = postal.getJsonObject(0);
        assertEquals("Mustermann Büroausstattung GmbH", first.getString("fldNa1"));
        assertEquals("Musterweg 12", first.getString("fldStr"));
        assertEquals("33602", first.getString("fldPLZ"));
        assertEquals("Bielefeld", first.getString("fldOrt"));
    }

    @Test
    void clientSecretPostWorksToo() {
        JsonObject app = Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), null);
        Http.Res r = Http.token(
                null,
                Http.form(Map.of(
                        "grant_type", "client_credentials",
                        "client_id", app.getString("clientId"),
                        "client_secret", app.getString("clientSecret"))));
        assertEquals(200, r.status(), r.body());
        Secrets.note(r.json().getString("access_token"));
    }

    @Test
    void theAccessTokenIsAnRfc9068JwtSignedWithAPublishedKey() {
        String user = Fixtures.graphqlUser();
        JsonObject app = Fixtures.application(user, List.of("graphql", "graphql.write"), 120);
        String jwt = Fixtures.token(app.getString("clientId"), app.getString("clientSecret"), "graphql");
        String[] parts = jwt.split("\\.");
        JsonObject header = decode(parts[0]);
        JsonObject claims = decode(parts[1]);
        assertEquals("ES256", header.getString("alg"));
        assertEquals("at+jwt", header.getString("typ"));
        assertEquals(ItEnv.issuer(), claims.getString("iss"));
        assertEquals(ItEnv.issuer(), claims.getString("aud"));
        assertEquals(user, claims.getString("sub"));
        assertEquals(app.getString("clientId"), claims.getString("client_id"));
        assertEquals("graphql", claims.getString("scope"));
        assertEquals(
                120,
                claims.getJsonNumber("exp").longValue()
                        - claims.getJsonNumber("iat").longValue());
        assertTrue(claims.getString("jti").length() >= 16);
        assertEquals(
                List.of("user"),
                claims.getJsonArray("groups").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList());

        Http.Res jwks = Http.get("/oauth2/jwks", null);
        assertEquals(200, jwks.status());
        boolean published = jwks.json().getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .anyMatch(k -> k.getString("kid").equals(header.getString("kid"))
                        && k.getString("kty").equals("EC")
                        && k.getString("crv").equals("P-256")
                        && k.getString("alg").equals("ES256")
                        && !k.containsKey("d"));
        assertTrue(published, jwks.body());
    }

    @Test
    void discoveryDescribesTheServerFromThePublicUrl() {
        Http.Res r = Http.get("/.well-known/oauth-authorization-server", null);
        assertEquals(200, r.status(), r.body());
        JsonObject meta = r.json();
        assertEquals(ItEnv.issuer(), meta.getString("issuer"));
        assertEquals(ItEnv.issuer() + "/oauth2/token", meta.getString("token_endpoint"));
        assertEquals(ItEnv.issuer() + "/oauth2/jwks", meta.getString("jwks_uri"));
        assertEquals(
                List.of("client_secret_basic", "client_secret_post", "private_key_jwt", "none"),
                meta
                        .getJsonArray("token_endpoint_auth_methods_supported")
                        .getValuesAs(jakarta.json.JsonString.class)
                        .stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList());
        assertTrue(meta.getJsonArray("grant_types_supported").toString().contains("client_credentials"));
    }

    @Test
    void rowsReadListsTheDemoAddressesInKeyOrderWithBatchedLinks() {
        String token = Fixtures.token(Fixtures.application(Fixtures.graphqlUser(), List.of("graphql"), null));
        Http.Res r = Http.graphql(
                token,
                "{ tblAddresses { rowsRead(kf1AdrNr: {from: {string: \"10000\"}, to: {string: \"10199\"}}) { fldAdrNr fldID"
                        + " lnkPostalAddresses { rowsRead { fldAnsNr fldOrt } } } } }");
        assertEquals(200, r.status(), r.body());
        assertFalse(r.json().containsKey("errors"), r.body());
        JsonArray rows =
                r.json().getJsonObject("data").getJsonObject("tblAddresses").getJsonArray("rowsRead");
        assertEquals(200, rows.size());
        assertEquals("10000", rows.getJsonObject(0).getString("fldAdrNr"));
        assertEquals("10199", rows.getJsonObject(199).getString("fldAdrNr"));
        int postal = rows.getValuesAs(JsonObject.class).stream()
                .mapToInt(a -> a.getJsonObject("lnkPostalAddresses")
                        .getJsonArray("rowsRead")
                        .size())
                .sum();
        assertEquals(267, postal, "every third address has a second postal address");
    }

    @Test
    void asArgumentAndExactMatchFollowTheErpConventions() {
        String user = Fixtures.user(Map.of("tblAddresses", List.of("read")), List.of("user"));
        Fixtures.put("/api/admin/users/" + user, "{\"protectedFields\":[\"fldKredLimit\"]}");
        String token = Fixtures.token(Fixtures.application(user, List.of("graphql"), null));
        Http.Res r = Http.graphql(
                token,
                "{ tblAddresses { rowRead(exactMatch: {byNr: {kf1AdrNr: {text: \"10000\"}}}) { fldAdrNr"
                        + " kredit: fldKredLimit(as: TEXT) raw: fldKredLimit id: fldID(as: STRING) } } }");
        assertEquals(200, r.status(), r.body());
        assertFalse(r.json().containsKey("errors"), r.body());
        JsonObject row =
                r.json().getJsonObject("data").getJsonObject("tblAddresses").getJsonObject("rowRead");
        assertEquals("10000", row.getString("fldAdrNr"));
        assertTrue(row.getString("kredit").matches("\\d{1,3}(\\.\\d{3})*,\\d{2}"), row.toString());
        assertTrue(row.getJsonNumber("raw").doubleValue() > 0);
        assertTrue(row.getString("id").matches("\\d+"));

        Http.Res none = Http.graphql(token, "{ tblAddresses { rowRead(kf1AdrNr: {string: \"99999\"}) { fldAdrNr } } }");
        assertEquals(200, none.status());
        assertTrue(
                none.json().getJsonObject("data").getJsonObject("tblAddresses").isNull("rowRead"));
    }

    private static JsonObject decode(String part) {
        String json = new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(json)).readObject();
    }
}
