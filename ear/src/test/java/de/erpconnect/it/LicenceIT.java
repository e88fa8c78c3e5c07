package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.erpconnect.domain.licence.ActivationKey;
import de.erpconnect.domain.licence.ActivationKeyCodec;
import de.erpconnect.domain.licence.Edition;
import de.erpconnect.domain.licence.KeyKind;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Licence, activation keys and edition gates (DESIGN §3) over the admin REST API, with keys
 * signed here by the test vendor key the server was started with (dev mode only). The licence is
 * global state: every test starts from the test-only reset (a fresh Enterprise evaluation), and the
 * class leaves that state behind for the others.
 */
@ExtendWith(ArquillianExtension.class)
class LicenceIT {

    static final long CUSTOMER = 4711;
    static final String CUSTOMER_TEXT = "0000004711";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));
    static final AtomicInteger KEY_IDS = new AtomicInteger((int) (System.currentTimeMillis() / 1000 % 1_000_000) * 100);

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItEnv.ear();
    }

    @BeforeEach
    void reset() {
        assertEquals(
                200,
                Http.json("POST", "/api/admin/licence/test-reset", Http.admin(), "")
                        .status());
    }

    @AfterAll
    static void leaveTheEvaluationForTheOtherTests() {
        Http.json("POST", "/api/admin/licence/test-reset", Http.admin(), "");
    }

    static PrivateKey vendorKey() throws Exception {
        String b64 = Files.readString(Path.of(System.getProperty("it.vendor.dir"), "vendor-private-key.b64"))
                .trim();
        return KeyFactory.getInstance("Ed25519")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64)));
    }

    static String product(Edition edition, long customer) throws Exception {
        return ActivationKeyCodec.encode(
                new ActivationKey(
                        KEY_IDS.incrementAndGet(),
                        KeyKind.PRODUCT,
                        customer,
                        edition,
                        0,
                        0,
                        EnumSet.allOf(Edition.class),
                        TODAY.plusYears(1)),
                vendorKey());
    }

    static String partnerApp(int app, long customer, int minBuild, LocalDate validUntil) throws Exception {
        return ActivationKeyCodec.encode(
                new ActivationKey(
                        KEY_IDS.incrementAndGet(),
                        KeyKind.PARTNER_APP,
                        customer,
                        null,
                        app,
                        minBuild,
                        EnumSet.of(Edition.CORE, Edition.ENTERPRISE),
                        validUntil),
                vendorKey());
    }

    static Http.Res activate(String key) {
        return Http.json(
                "POST",
                "/api/admin/activations",
                Http.admin(),
                Json.createObjectBuilder().add("key", key).build().toString());
    }

    static JsonObject activated(String key) {
        Http.Res r = activate(key);
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    static void assertRejected(Http.Res r, int status, String detail) {
        assertEquals(status, r.status(), r.body());
        assertEquals("application/problem+json", r.header("Content-Type"));
        assertEquals(detail, r.json().getString("detail"));
    }

    static JsonObject licence() {
        return Http.get("/api/admin/licence", Http.admin()).json();
    }

    static Http.Res createApplication(String kind, String clientType, List<String> scopes) {
        String user = Fixtures.graphqlUser();
        var body = Json.createObjectBuilder()
                .add("name", Fixtures.unique("App "))
                .add("kind", kind)
                .add("user", user)
                .add("redirectUris", Json.createArrayBuilder().add("https://partner.example.com/cb"))
                .add("scopes", Json.createArrayBuilder(scopes));
        if (clientType != null) {
            body.add("clientType", clientType);
        }
        Http.Res r = Http.json(
                "POST", "/api/admin/applications", Http.admin(), body.build().toString());
        if (r.status() == 201) {
            Secrets.note(r.json().getString("clientSecret", "public-client-without-secret"));
        }
        return r;
    }

    @Test
    void devModeStartsWithTheEnterpriseEvaluation() {
        JsonObject l = licence();
        assertEquals("ENTERPRISE", l.getString("edition"));
        assertTrue(l.getBoolean("evaluation"));
        assertFalse(l.containsKey("customerNumber"));
        assertEquals(7125, l.getInt("build"));
        assertTrue(l.containsKey("evaluationEndsAt"));
    }

    @Test
    void aProductKeySetsEditionAndCustomerAndIsListedWithoutTheKey() throws Exception {
        String key = product(Edition.CORE, CUSTOMER);
        JsonObject activation = activated(key);
        assertEquals("PRODUCT", activation.getString("kind"));
        assertEquals("CORE", activation.getString("edition"));
        JsonObject l = licence();
        assertEquals("CORE", l.getString("edition"));
        assertEquals(CUSTOMER_TEXT, l.getString("customerNumber"));
        assertFalse(l.getBoolean("evaluation"));
        Http.Res list = Http.get("/api/admin/activations", Http.admin());
        assertEquals(1, list.json().getInt("total"));
        assertFalse(list.body().contains(key.substring(0, 20)), "the key text is never stored or shown");
        Http.Res events = Http.get("/api/admin/events?type=ACTIVATION_ADDED&size=1", Http.admin());
        assertFalse(events.body().contains(key.substring(0, 20)));
    }

    /**
     * Twenty administrators activate the same partner-app key at the same moment: one 201, the
     * others the 409 "Schlüssel bereits aktiviert" a sequential second activation gets (the
     * database's unique rule on the key decides), never a 500.
     */
    @Test
    void aRaceToActivateOneKeyIsOneActivationAndConflicts() throws Exception {
        activated(product(Edition.ENTERPRISE, CUSTOMER));
        String key = partnerApp(1, CUSTOMER, 7120, TODAY.plusMonths(6));
        Races.oneCreatedOthersConflict(20, () -> activate(key));
        assertEquals(2, Http.get("/api/admin/activations", Http.admin()).json().getInt("total"));
    }

    @Test
    void everyRejectionSaysWhatToDoAndStoresNothing() throws Exception {
        activated(product(Edition.CORE, CUSTOMER));
        assertRejected(activate("ABCDE-FGHJK-MNPQR"), 400, "Schlüssel ungültig — bitte auf Tippfehler prüfen");
        String good = partnerApp(1, CUSTOMER, 7120, TODAY.plusDays(90));
        // the last character (the one before it is a dash: 136 characters in groups of five)
        char last = good.charAt(good.length() - 1);
        String typo = good.substring(0, good.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertRejected(activate(typo), 400, "Schlüssel ungültig — bitte auf Tippfehler prüfen");
        String foreign = ActivationKeyCodec.encode(
                new ActivationKey(1, KeyKind.PARTNER_APP, CUSTOMER, null, 1, 0, EnumSet.of(Edition.CORE), TODAY),
                KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate());
        assertRejected(activate(foreign), 400, "Schlüssel ungültig — er ist nicht vom Hersteller signiert");
        assertRejected(
                activate(partnerApp(1, 12345, 7120, TODAY.plusDays(90))),
                400,
                "Schlüssel gehört zu Kunde 0000012345 — diese Installation ist Kunde 0000004711");
        assertRejected(
                activate(partnerApp(1, CUSTOMER, 7200, TODAY.plusDays(90))),
                400,
                "Build 7200 oder neuer erforderlich — installiert: 7125");
        assertRejected(
                activate(partnerApp(1, CUSTOMER, 7120, TODAY.minusDays(1))),
                400,
                "Schlüssel abgelaufen am " + TODAY.minusDays(1).format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
        assertRejected(
                activate(partnerApp(99, CUSTOMER, 7120, TODAY.plusDays(90))),
                400,
                "Partner-App 99 ist dieser Version unbekannt — bitte die Software aktualisieren");
        activated(good);
        assertRejected(activate(good), 409, "Schlüssel bereits aktiviert");
        assertEquals(
                2,
                Http.get("/api/admin/activations", Http.admin()).json().getInt("total"),
                "nothing stored on rejection");
        assertTrue(Http.get("/api/admin/events?type=ACTIVATION_REJECTED&size=200", Http.admin())
                        .json()
                        .getInt("total")
                >= 7);

        activated(product(Edition.STANDARD, CUSTOMER));
        assertRejected(
                activate(partnerApp(2, CUSTOMER, 7120, TODAY.plusDays(90))),
                400,
                "Partner-Apps benötigen Gen. 24 Core oder Enterprise — diese Installation ist STANDARD");
    }

    @Test
    void rejectionsSpeakEnglishWhenAsked() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(ItEnv.baseUrl() + "/api/admin/activations"))
                                .header("Authorization", Http.admin())
                                .header("Content-Type", "application/json")
                                .header("Accept-Language", "en-US,en;q=0.9,de;q=0.5")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"ABCDE\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("Invalid key — please check for typing errors"), r.body());
    }

    @Test
    void coreAllowsOnlyConfidentialPartnerApps() throws Exception {
        activated(product(Edition.CORE, CUSTOMER));
        assertEquals(403, createApplication("OWN", null, List.of("graphql")).status(), "Core: no own applications");
        Browser browser = new Browser();
        browser.get("/graphiql");
        browser.login("admin", ItEnv.adminPassword());
        HttpResponse<String> graphiql = browser.get("/graphiql");
        assertEquals(403, graphiql.statusCode(), "Core: no interactive web UI");
        assertTrue(graphiql.body().contains("nur in der Enterprise-Edition"), graphiql.body());
        assertEquals(
                403,
                createApplication("mbcom.connectelo", null, List.of("graphql")).status(),
                "a partner app needs its activation key");
        activated(partnerApp(1, CUSTOMER, 7120, TODAY.plusDays(90)));

        Http.Res kinds = Http.get("/api/admin/applications/kinds", Http.admin());
        assertEquals(1, kinds.json().getInt("total"), kinds.body());
        assertEquals(
                "MBCOM IT-Systemhaus GmbH - MBCOM ConnectELO (Partner-App)",
                kinds.json().getJsonArray("items").getJsonObject(0).getString("name"));

        Http.Res partner = createApplication("mbcom.connectelo", null, List.of("graphql", "graphql.write"));
        assertEquals(201, partner.status(), partner.body());
        assertEquals("CONFIDENTIAL", partner.json().getString("clientType"), "set automatically");
        assertEquals(
                400,
                createApplication("mbcom.connectelo", "PUBLIC", List.of("graphql"))
                        .status());
        assertEquals(
                400,
                createApplication("mbcom.connectelo", null, List.of("graphql", "admin"))
                        .status());
        String token = Fixtures.token(partner.json());
        assertEquals(200, Http.graphql(token, GraphqlAccessIT.QUERY).status());
    }

    @Test
    void aPartnerAppRequestsOnlyTheScopesItsKeyAllows() throws Exception {
        activated(partnerApp(2, CUSTOMER, 7120, TODAY.plusDays(90)));
        Http.Res tooMuch = createApplication("test.reader", null, List.of("graphql", "graphql.write"));
        assertEquals(400, tooMuch.status(), tooMuch.body());
        assertEquals(
                "scopes", tooMuch.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(
                201, createApplication("test.reader", null, List.of("graphql")).status());
    }

    @Test
    void enterpriseAllowsEverything() throws Exception {
        activated(product(Edition.ENTERPRISE, CUSTOMER));
        activated(partnerApp(1, CUSTOMER, 7120, TODAY.plusDays(90)));
        assertEquals(201, createApplication("OWN", null, List.of("graphql")).status());
        assertEquals(201, createApplication("OWN", "PUBLIC", List.of("graphql")).status());
        assertEquals(
                201,
                createApplication("mbcom.connectelo", null, List.of("graphql")).status());
    }

    @Test
    void standardAllowsNothingAndExistingApplicationsStopGettingTokens() throws Exception {
        Http.Res own = createApplication("OWN", null, List.of("graphql"));
        assertEquals(201, own.status());
        String before = Fixtures.token(own.json());
        activated(product(Edition.STANDARD, CUSTOMER));
        assertEquals(403, createApplication("OWN", null, List.of("graphql")).status());
        Http.Res token = Http.token(
                Http.basic(own.json().getString("clientId"), own.json().getString("clientSecret")),
                "grant_type=client_credentials");
        assertEquals(400, token.status(), token.body());
        assertEquals("unauthorized_client", token.json().getString("error"));
        assertEquals(
                "The STANDARD edition does not allow own applications (Enterprise only).",
                token.json().getString("error_description"));
        assertEquals(401, Http.graphql(before, GraphqlAccessIT.QUERY).status(), "issued tokens stop working at once");
    }

    @Test
    void deactivatingAPartnerAppKeyStopsItsApplicationsAtOnce() throws Exception {
        activated(product(Edition.CORE, CUSTOMER));
        long activation = activated(partnerApp(1, CUSTOMER, 7120, TODAY.plusDays(90)))
                .getJsonNumber("id")
                .longValue();
        JsonObject app =
                createApplication("mbcom.connectelo", null, List.of("graphql")).json();
        String token = Fixtures.token(app);
        assertEquals(200, Http.graphql(token, GraphqlAccessIT.QUERY).status());

        assertEquals(
                204,
                Http.delete("/api/admin/activations/" + activation, Http.admin())
                        .status());
        assertEquals(401, Http.graphql(token, GraphqlAccessIT.QUERY).status());
        assertFalse(Http.get("/api/admin/applications/" + app.getInt("id"), Http.admin())
                .json()
                .getBoolean("active"));
        Http.Res refused = Http.token(
                Http.basic(app.getString("clientId"), app.getString("clientSecret")), "grant_type=client_credentials");
        assertEquals(400, refused.status());
        assertFalse(Http.get("/api/admin/activations/" + activation, Http.admin())
                .json()
                .getBoolean("active"));
    }

    @Test
    void badActivationRequestsAreClear() {
        assertEquals(
                400,
                Http.json("POST", "/api/admin/activations", Http.admin(), "{}").status());
        assertEquals(
                400,
                Http.json("POST", "/api/admin/activations", Http.admin(), "{\"key\":5}")
                        .status());
        assertEquals(
                400,
                Http.json("POST", "/api/admin/activations", Http.admin(), "{\"key\":\"x\",\"extra\":1}")
                        .status());
        assertEquals(
                400,
                Http.json("POST", "/api/admin/activations", Http.admin(), "{\"key\":\"" + "A".repeat(500) + "\"}")
                        .status());
        assertEquals(
                404, Http.delete("/api/admin/activations/999999", Http.admin()).status());
    }
}
