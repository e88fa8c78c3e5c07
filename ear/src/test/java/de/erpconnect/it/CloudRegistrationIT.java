package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The vendor cloud over HTTP (DESIGN §9): the vendor's invitations (HTTP Basic of the vendor
 * realm only), the registration form behind a link — single use, withdrawable, the password
 * policy rule by rule — and each realm's discovery document, JWKS and token endpoint, 404 for a
 * customer number without a realm. The pages in a real browser: {@link CloudPagesIT}.
 */
@ExtendWith(ArquillianExtension.class)
class CloudRegistrationIT {

    static final String PASSWORD = "Cloud!Pass2026";
    static final String UNUSABLE = "ungültig, abgelaufen oder wurde bereits verwendet";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItEnv.ear();
    }

    @Test
    void onlyTheVendorInvitesAndBadInvitationsAreRefusedFieldByField() {
        String customer = CloudFixtures.customerNumber();
        String body = "{\"customerNumber\":\"" + customer + "\",\"companyName\":\"A\",\"email\":\"a@b.example\"}";
        Http.Res anonymous = Http.json("POST", "/cloud/api/vendor/invitations", null, body);
        assertEquals(401, anonymous.status(), anonymous.body());
        Http.Res erpAdmin = Http.json("POST", "/cloud/api/vendor/invitations", Http.admin(), body);
        assertEquals(401, erpAdmin.status(), "the ERP's admin is nobody in the vendor realm");
        Http.Res wrong = Http.json("POST", "/cloud/api/vendor/invitations", Http.basic("vendor", "Falsch!2026"), body);
        assertEquals(401, wrong.status());

        Http.Res bad = CloudFixtures.inviteRequest("12a", " ", "kein-at.example");
        assertEquals(400, bad.status(), bad.body());
        assertEquals("application/problem+json", bad.header("Content-Type"));
        List<String> fields = bad.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field"))
                .sorted()
                .toList();
        assertEquals(List.of("companyName", "customerNumber", "email"), fields, bad.body());
        Http.Res unknownField = Http.json(
                "POST",
                "/cloud/api/vendor/invitations",
                CloudFixtures.vendor(),
                "{\"customerNumber\":\"" + customer + "\",\"companyName\":\"A\",\"email\":\"a@b.example\",\"x\":1}");
        assertEquals(400, unknownField.status(), unknownField.body());
        Http.Res tooLong = Http.json(
                "POST",
                "/cloud/api/vendor/invitations",
                CloudFixtures.vendor(),
                "{\"customerNumber\":\"" + customer + "\",\"companyName\":\"A\",\"email\":\"a@b.example\","
                        + "\"validDays\":31}");
        assertEquals(400, tooLong.status(), tooLong.body());

        Http.Res created = CloudFixtures.inviteRequest(customer, "Musterfirma", "IT@Muster.example");
        assertEquals(201, created.status(), created.body());
        JsonObject invitation = created.json();
        String link = invitation.getString("link");
        Secrets.note(link.substring(link.indexOf("token=") + 6));
        assertEquals("it@muster.example", invitation.getString("email"));
        assertNotNull(created.header("Location"));
        Http.Res list = Http.get("/cloud/api/vendor/invitations?size=200", CloudFixtures.vendor());
        assertEquals(200, list.status(), list.body());
        JsonObject listed = list.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getInt("id") == invitation.getInt("id"))
                .findFirst()
                .orElseThrow();
        assertTrue(!listed.containsKey("link") || listed.get("link") == JsonValue.NULL, "the link only once");
        assertFalse(list.body().contains(link.substring(link.indexOf("token=") + 6)));
    }

    @Test
    void registeringCreatesTheRealmOnceAndUsesTheLinkUp() {
        String customer = CloudFixtures.customerNumber();
        String link = CloudFixtures.invite(customer);
        Browser browser = new Browser();
        HttpResponse<String> form = browser.get(link);
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains(">" + customer + "<"), "the realm name is the customer number");
        assertTrue(form.body().contains("Musterfirma " + customer + " GmbH"));
        assertTrue(form.body().contains("it@muster.example"));
        assertTrue(form.body().contains("Password confirmation"));

        HttpResponse<String> done = CloudFixtures.register(browser, link, "admini", PASSWORD, PASSWORD);
        assertEquals(302, done.statusCode(), done.body());
        Secrets.note(PASSWORD);

        // the link is used up: the form is gone, and a second registration does nothing
        HttpResponse<String> again = new Browser().get(link);
        assertTrue(again.body().contains(UNUSABLE), again.body());
        assertFalse(again.body().contains("registration:username"));
        Http.Res twice = CloudFixtures.inviteRequest(customer, "Andere GmbH", "x@y.example");
        assertEquals(409, twice.status(), "one realm per customer number: " + twice.body());

        // the realm's own discovery document (RFC 8414 inserted path), JWKS and token endpoint
        Http.Res metadata = Http.get("/.well-known/oauth-authorization-server/cloud/realms/" + customer, null);
        assertEquals(200, metadata.status(), metadata.body());
        String issuer = ItEnv.issuer() + "/cloud/realms/" + customer;
        assertEquals(issuer, metadata.json().getString("issuer"));
        assertEquals(issuer + "/oauth2/token", metadata.json().getString("token_endpoint"));
        assertEquals(issuer + "/oauth2/jwks", metadata.json().getString("jwks_uri"));
        assertEquals(
                List.of("client_credentials"),
                metadata.json().getJsonArray("grant_types_supported").getValuesAs(JsonValue::toString).stream()
                        .map(s -> s.replace("\"", ""))
                        .toList());
        Http.Res jwks = Http.get("/cloud/realms/" + customer + "/oauth2/jwks", null);
        assertEquals(200, jwks.status(), jwks.body());
        JsonObject key = jwks.json().getJsonArray("keys").getJsonObject(0);
        assertEquals("ES256", key.getString("alg"));
        Http.Res erpJwks = Http.get("/oauth2/jwks", null);
        assertFalse(erpJwks.body().contains(key.getString("kid")), "each realm signs with its own key");
        Http.Res unknownClient = CloudFixtures.realmToken(customer, "no-such-client", "x");
        assertEquals(401, unknownClient.status(), unknownClient.body());
        assertEquals("invalid_client", unknownClient.json().getString("error"));
        Http.Res otherGrant = Http.bytes(
                "POST",
                CloudFixtures.tokenPath(customer),
                null,
                "application/x-www-form-urlencoded",
                "grant_type=authorization_code&code=x".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(400, otherGrant.status(), otherGrant.body());
        assertEquals("unsupported_grant_type", otherGrant.json().getString("error"));
    }

    @Test
    void everyBrokenPasswordRuleIsNamedAndTheLinkStaysUsable() {
        String customer = CloudFixtures.customerNumber();
        String link = CloudFixtures.invite(customer);
        Browser browser = new Browser();
        HttpResponse<String> shortOne = CloudFixtures.register(browser, link, "markus", "kurz", "kurz");
        assertEquals(200, shortOne.statusCode());
        String page = shortOne.body();
        assertTrue(page.contains("mindestens 8 Zeichen"), page);
        assertTrue(page.contains("Sonderzeichen enthalten"), page);
        assertTrue(page.contains("einen Gro"), "the upper-case rule: " + page);

        HttpResponse<String> noUpper = CloudFixtures.register(browser, link, "markus", "kleinbuchstaben!", "x");
        assertTrue(noUpper.body().contains("einen Gro"), noUpper.body());
        assertFalse(noUpper.body().contains("mindestens 8 Zeichen"));
        assertTrue(noUpper.body().contains("Die Passwort-Best"), "the confirmation differs: " + noUpper.body());

        HttpResponse<String> badLogin = CloudFixtures.register(browser, link, "Mar kus", PASSWORD, PASSWORD);
        assertTrue(badLogin.body().contains("Der Benutzername hat 1 bis 64 Zeichen"), badLogin.body());
        Http.Res metadata = Http.get("/.well-known/oauth-authorization-server/cloud/realms/" + customer, null);
        assertEquals(404, metadata.status(), "nothing was registered yet");

        HttpResponse<String> done = CloudFixtures.register(browser, link, "markus", PASSWORD, PASSWORD);
        assertEquals(302, done.statusCode(), "the link still worked after the refusals: " + done.body());
    }

    @Test
    void aWithdrawnOrForgedLinkDoesNotWork() {
        String customer = CloudFixtures.customerNumber();
        Http.Res created = CloudFixtures.inviteRequest(customer, "Zurueckgezogen GmbH", "w@muster.example");
        assertEquals(201, created.status(), created.body());
        String link = created.json().getString("link");
        Secrets.note(link.substring(link.indexOf("token=") + 6));
        Http.Res withdrawn =
                Http.delete("/cloud/api/vendor/invitations/" + created.json().getInt("id"), CloudFixtures.vendor());
        assertEquals(200, withdrawn.status(), withdrawn.body());
        HttpResponse<String> page = new Browser().get(link);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(UNUSABLE), page.body());
        for (String forged : List.of(
                "/cloud/register.xhtml",
                "/cloud/register.xhtml?token=abc",
                "/cloud/register.xhtml?token=" + "A".repeat(43),
                "/cloud/register.xhtml?token=%27%20OR%201=1--")) {
            HttpResponse<String> r = new Browser().get(forged);
            assertEquals(200, r.statusCode(), forged);
            assertTrue(r.body().contains(UNUSABLE), forged);
        }
        assertEquals(
                404,
                Http.delete("/cloud/api/vendor/invitations/999999", CloudFixtures.vendor())
                        .status());
        assertEquals(
                400,
                Http.delete("/cloud/api/vendor/invitations/abc", CloudFixtures.vendor())
                        .status());
    }

    @Test
    void aCustomerNumberWithoutRealmHasNoEndpoints() {
        for (String path : List.of("/cloud/realms/123456789/oauth2/token", "/cloud/realms/abc/oauth2/token")) {
            Http.Res r = Http.bytes(
                    "POST",
                    path,
                    Http.basic("a", "b"),
                    "application/x-www-form-urlencoded",
                    "grant_type=client_credentials".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(404, r.status(), path + ": " + r.body());
            assertEquals("invalid_request", r.json().getString("error"));
            assertEquals("no-store", r.header("Cache-Control"));
        }
        assertEquals(
                404,
                Http.get("/.well-known/oauth-authorization-server/cloud/realms/123456789", null)
                        .status());
        assertEquals(404, Http.get("/cloud/realms/123456789/oauth2/jwks", null).status());
        Http.Res account = Http.get("/cloud/realms/123456789/api/account", null);
        assertEquals(401, account.status(), account.body());
        assertTrue(account.header("WWW-Authenticate").startsWith("Bearer"));
    }
}
