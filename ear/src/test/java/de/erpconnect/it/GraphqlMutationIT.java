package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * GraphQL mutations: rowNew/rowCopy/rowModify/rowDelete/rowSave, server-side rules, nested
 * transaction items with recomputed totals, optimistic locking with @onNull, one transaction per
 * request (all or nothing), document order, rights and the graphql.write scope.
 */
@ExtendWith(ArquillianExtension.class)
class GraphqlMutationIT {

    static final List<String> WRITABLE = List.of(
            "tblAddresses",
            "tblPostalAddresses",
            "tblContactPeople",
            "tblProducts",
            "tblProductGroups",
            "tblTransactions",
            "tblTransactionItems");

    static String writer;
    static String writerWithoutScope;
    static String readOnly;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItEnv.ear();
    }

    @BeforeAll
    static void users() {
        String full = user(List.of("read", "create", "modify", "delete"), List.of("fldEPreis"));
        writer = Fixtures.token(Fixtures.application(full, List.of("graphql", "graphql.write"), null));
        writerWithoutScope = Fixtures.token(Fixtures.application(full, List.of("graphql"), null));
        String reader = user(List.of("read"), List.of());
        readOnly = Fixtures.token(Fixtures.application(reader, List.of("graphql", "graphql.write"), null));
    }

    private static String user(List<String> rights, List<String> protectedFields) {
        Map<String, List<String>> perms = new LinkedHashMap<>();
        WRITABLE.forEach(t -> perms.put(t, rights));
        return Fixtures.user(perms, List.of("user"), protectedFields, true);
    }

    static JsonObject data(String token, String query) {
        return GraphqlReadIT.data(token, query);
    }

    /** A failed mutation: data is null and nothing was written. */
    static JsonObject rolledBack(String token, String query) {
        Http.Res r = Http.graphql(token, query);
        assertEquals(200, r.status(), r.body());
        JsonObject json = r.json();
        assertTrue(json.containsKey("errors"), r.body());
        assertEquals(JsonValue.NULL, json.get("data"), "no uncommitted values: " + r.body());
        return json.getJsonArray("errors").getJsonObject(0);
    }

    static String product(String artNr, String field) {
        return data(writer, "{ tblProducts { rowRead(kf1ArtNr: {string: \"" + artNr + "\"}) { " + field + " } } }")
                .getJsonObject("tblProducts")
                .getJsonObject("rowRead")
                .get(field)
                .toString()
                .replace("\"", "");
    }

    @Test
    void concurrentSavesNumberEveryNewRowOnce() throws Exception {
        String full = user(List.of("read", "create", "modify", "delete"), List.of());
        String token = Fixtures.token(Fixtures.application(full, List.of("graphql", "graphql.write"), null));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> saves = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                saves.add(pool.submit(() -> data(
                                token,
                                "mutation { tblAddresses { rowNew { fldSuchBeg(set: {string: \"PARALLEL\"})"
                                        + " rowSave { fldAdrNr } } } }")
                        .getJsonObject("tblAddresses")
                        .getJsonObject("rowNew")
                        .getJsonObject("rowSave")
                        .getString("fldAdrNr")));
            }
            Set<String> numbers = new HashSet<>();
            for (Future<String> save : saves) {
                numbers.add(save.get(60, TimeUnit.SECONDS));
            }
            assertEquals(32, numbers.size(), "32 concurrent saves, 32 different numbers: " + numbers);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void newAddressGetsTheNextFreeNumberAndAPostalAddress() {
        JsonObject saved = data(
                        writer,
                        "mutation { tblAddresses { rowNew { fldSuchBeg(set: {string: \"NEUKUNDE\"})"
                                + " fldStatus(set: {text: \"Interessent\"}) rowSave { fldAdrNr fldInsertLSN fldModifyLSN } } } }")
                .getJsonObject("tblAddresses")
                .getJsonObject("rowNew")
                .getJsonObject("rowSave");
        String adrNr = saved.getString("fldAdrNr");
        assertTrue(Long.parseLong(adrNr) >= 10200, adrNr);
        assertEquals(saved.get("fldInsertLSN"), saved.get("fldModifyLSN"));
        JsonObject postal = data(
                        writer,
                        "mutation { tblPostalAddresses { rowNew { fldAdrNr(set: {string: \"" + adrNr + "\"})"
                                + " fldNa1(set: {text: \"Neukunde GmbH\"}) fldOrt(set: {text: \"Gütersloh\"}) } } }")
                .getJsonObject("tblPostalAddresses")
                .getJsonObject("rowNew");
        assertEquals("Gütersloh", postal.getString("fldOrt"));
        JsonObject read = data(
                        writer,
                        "{ tblAddresses { rowRead(kf1AdrNr: {string: \"" + adrNr + "\"}) { fldStatus"
                                + " lnkPostalAddresses { rowsRead { fldAnsNr fldNa1 } } } } }")
                .getJsonObject("tblAddresses")
                .getJsonObject("rowRead");
        assertEquals("Interessent", read.getString("fldStatus"));
        assertEquals(
                1,
                read.getJsonObject("lnkPostalAddresses")
                        .getJsonArray("rowsRead")
                        .getJsonObject(0)
                        .getInt("fldAnsNr"));

        JsonObject taken =
                rolledBack(writer, "mutation { tblAddresses { rowNew { fldAdrNr(set: {string: \"10000\"}) } } }");
        assertTrue(taken.getString("message").contains("already taken"), taken.toString());
        String auto = data(
                        writer,
                        "mutation { tblAddresses { rowNew(allowAutoNrOnSave: true) { fldAdrNr(set: {string: \"10000\"})"
                                + " rowSave { fldAdrNr } } } }")
                .getJsonObject("tblAddresses")
                .getJsonObject("rowNew")
                .getJsonObject("rowSave")
                .getString("fldAdrNr");
        assertNotEquals("10000", auto);
        assertEquals(
                JsonValue.NULL,
                data(
                                writer,
                                "mutation { tblAddresses { rowNew(ifNotExists: {byNr: {kf1AdrNr: {string: \"10000\"}}})"
                                        + " { fldAdrNr(set: {string: \"10000\"}) } } }")
                        .getJsonObject("tblAddresses")
                        .get("rowNew"));
    }

    @Test
    void aTransactionWithItemsGetsItsNumberAndTotalsFromTheServer() {
        String price = product("A10000", "fldVk0_Preis");
        JsonObject saved = data(
                        writer,
                        "mutation { tblTransactions { rowNew { fldArt(set: {text: \"Rechnung\"})"
                                + " fldAdrNr(set: {string: \"10001\"}) tblTransactionItems { rowNew { fldArtNr(set: {string: \"A10000\"})"
                                + " fldMge(set: {float: 3}) } } rowSave { fldBelegNr fldArt"
                                + " tblTransactionItems { rowsRead { fldZeilenNr fldMge fldEPreis fldBez } }"
                                + " acoGPreis { totalGrossAmount totalNetAmount totalTaxAmount } } } } }")
                .getJsonObject("tblTransactions")
                .getJsonObject("rowNew")
                .getJsonObject("rowSave");
        assertTrue(saved.getString("fldBelegNr").startsWith("RE125"), saved.toString());
        JsonObject item = saved.getJsonObject("tblTransactionItems")
                .getJsonArray("rowsRead")
                .getJsonObject(0);
        assertEquals(1, item.getInt("fldZeilenNr"));
        assertEquals(
                0,
                new BigDecimal(price).compareTo(item.getJsonNumber("fldEPreis").bigDecimalValue()),
                "price from the product");
        BigDecimal net =
                new BigDecimal(price).multiply(BigDecimal.valueOf(3)).setScale(2, java.math.RoundingMode.HALF_UP);
        JsonObject totals = saved.getJsonObject("acoGPreis");
        assertEquals(0, net.compareTo(totals.getJsonNumber("totalNetAmount").bigDecimalValue()), totals.toString());
        assertEquals(
                0,
                net.multiply(new BigDecimal("1.19"))
                        .setScale(2, java.math.RoundingMode.HALF_UP)
                        .compareTo(totals.getJsonNumber("totalGrossAmount").bigDecimalValue()),
                totals.toString());

        JsonObject blocked = rolledBack(
                writer,
                "mutation { tblTransactions { rowNew { fldArt(set: {text: \"Auftrag\"})"
                        + " fldAdrNr(set: {string: \"10046\"}) } } }");
        assertEquals("Address \"10046\" is blocked.", blocked.getString("message"));
    }

    @Test
    void optimisticLockingAnswersNullOrTheOnNullError() {
        String lsn = product("A10001", "fldModifyLSN");
        JsonObject modified = data(
                        writer,
                        "mutation { tblProducts { rowModify(kf1ArtNr: {string: \"A10001\"}, modifyLSN: \"" + lsn
                                + "\") { fldBez1(set: {text: \"Schreibtisch geändert\"}) } } }")
                .getJsonObject("tblProducts")
                .getJsonObject("rowModify");
        assertEquals("Schreibtisch geändert", modified.getString("fldBez1"));
        assertNotEquals(lsn, product("A10001", "fldModifyLSN"), "the LSN moved on");
        assertEquals(
                JsonValue.NULL,
                data(
                                writer,
                                "mutation { tblProducts { rowModify(kf1ArtNr: {string: \"A10001\"}, modifyLSN: \"" + lsn
                                        + "\") { fldBez1(set: {text: \"veraltet\"}) } } }")
                        .getJsonObject("tblProducts")
                        .get("rowModify"));
        JsonObject conflict = rolledBack(
                writer,
                "mutation { tblProducts { rowModify(kf1ArtNr: {string: \"A10001\"}, modifyLSN: \"" + lsn
                        + "\") @onNull(errorMessage: \"Der Artikel wurde inzwischen geändert.\") { fldBez1(set: {text: \"veraltet\"}) } } }");
        assertEquals("Der Artikel wurde inzwischen geändert.", conflict.getString("message"));
        assertEquals("ON_NULL", conflict.getJsonObject("extensions").getString("code"));
        assertEquals("Schreibtisch geändert", product("A10001", "fldBez1"));
    }

    @Test
    void oneFailingPartRollsBackTheWholeRequest() {
        String before = product("A10002", "fldBez1");
        JsonObject error = rolledBack(
                writer,
                "mutation { a: tblProducts { rowModify(kf1ArtNr: {string: \"A10002\"}) {"
                        + " fldBez1(set: {text: \"wird zurückgerollt\"}) } }"
                        + " b: tblProducts { rowModify(kf1ArtNr: {string: \"A10003\"}) { fldVk0_Preis(set: {text: \"teuer\"}) } } }");
        assertEquals("BAD_USER_INPUT", error.getJsonObject("extensions").getString("code"));
        assertTrue(error.getString("message").contains("fldVk0_Preis"), error.toString());
        assertEquals(before, product("A10002", "fldBez1"));
    }

    @Test
    void aNulCharacterIsBadInputOnEveryDatabase() {
        // PostgreSQL cannot store U+0000 in text: refused before the database sees it
        String before = product("A10002", "fldBez1");
        for (String set : List.of("{text: \"a\\u0000b\"}", "{string: \"a\\u0000b\"}")) {
            JsonObject error = rolledBack(
                    writer,
                    "mutation { tblProducts { rowModify(kf1ArtNr: {string: \"A10002\"}) { fldBez1(set: " + set
                            + ") } } }");
            assertEquals("BAD_USER_INPUT", error.getJsonObject("extensions").getString("code"), error.toString());
            assertTrue(error.getString("message").contains("U+0000"), error.toString());
        }
        assertEquals(before, product("A10002", "fldBez1"));
    }

    @Test
    void fieldsAreWrittenInDocumentOrderAndSetNullClears() {
        JsonObject row = data(
                        writer,
                        "mutation { tblProducts { rowModify(kf1ArtNr: {string: \"A10004\"}) {"
                                + " first: fldBez1(set: {text: \"eins\"}) between: fldBez1 second: fldBez1(set: {text: \"zwei\"})"
                                + " fldEinh(set: {}) price: fldVk0_Preis(set: {text: \"1.234,50\"}, as: TEXT) } } }")
                .getJsonObject("tblProducts")
                .getJsonObject("rowModify");
        assertEquals("eins", row.getString("between"));
        assertEquals("1.234,50", row.getString("price"));
        assertEquals(JsonValue.NULL, row.get("fldEinh"));
        assertEquals("zwei", product("A10004", "fldBez1"));
        assertEquals("null", product("A10004", "fldEinh"));
        assertEquals(0, new BigDecimal("1234.50").compareTo(new BigDecimal(product("A10004", "fldVk0_Preis"))));
        JsonObject key = rolledBack(
                writer,
                "mutation { tblProducts { rowModify(kf1ArtNr: {string: \"A10004\"}) {"
                        + " fldArtNr(set: {string: \"X\"}) } } }");
        assertTrue(key.getString("message").contains("key"), key.toString());
    }

    @Test
    void copyAndDelete() {
        String bez = product("A10005", "fldBez1");
        String artNr = Fixtures.unique("K").toUpperCase(java.util.Locale.ROOT);
        JsonObject copy = data(
                        writer,
                        "mutation { tblProducts { rowCopy(kf1ArtNr: {string: \"A10005\"}) {"
                                + " fldArtNr(set: {string: \"" + artNr
                                + "\"}) fldBez1 rowSave { fldArtNr fldModifyLSN fldWgrNr } } } }")
                .getJsonObject("tblProducts")
                .getJsonObject("rowCopy");
        assertEquals(bez, copy.getString("fldBez1"));
        String lsn = copy.getJsonObject("rowSave").get("fldModifyLSN").toString();
        assertEquals(
                JsonValue.NULL,
                data(
                                writer,
                                "mutation { tblProducts { rowDelete(kf1ArtNr: {string: \"" + artNr
                                        + "\"}, modifyLSN: \"1\") { fldArtNr } } }")
                        .getJsonObject("tblProducts")
                        .get("rowDelete"));
        JsonObject deleted = data(
                        writer,
                        "mutation { tblProducts { rowDelete(kf1ArtNr: {string: \"" + artNr + "\"}, modifyLSN: \"" + lsn
                                + "\") { fldArtNr fldBez1 } } }")
                .getJsonObject("tblProducts")
                .getJsonObject("rowDelete");
        assertEquals(artNr, deleted.getString("fldArtNr"));
        assertEquals(
                JsonValue.NULL,
                data(writer, "{ tblProducts { rowRead(kf1ArtNr: {string: \"" + artNr + "\"}) { fldArtNr } } }")
                        .getJsonObject("tblProducts")
                        .get("rowRead"));
        JsonObject referenced = rolledBack(
                writer, "mutation { tblAddresses { rowDelete(kf1AdrNr: {string: \"10000\"}) { fldAdrNr } } }");
        assertTrue(referenced.getString("message").contains("referenced"), referenced.toString());
    }

    @Test
    void rightsScopeAndProtectedFieldsAreEnforced() {
        JsonObject noScope = rolledBack(
                writerWithoutScope,
                "mutation { tblProducts { rowModify(kf1ArtNr: {string: \"A10006\"}) {"
                        + " fldBez1(set: {text: \"x\"}) } } }");
        assertEquals("FORBIDDEN", noScope.getJsonObject("extensions").getString("code"));
        assertTrue(noScope.getString("message").contains("graphql.write"), noScope.toString());
        JsonObject noRight = rolledBack(
                readOnly,
                "mutation { tblProducts { rowModify(kf1ArtNr: {string: \"A10006\"}) {"
                        + " fldBez1(set: {text: \"x\"}) } } }");
        assertEquals("FORBIDDEN", noRight.getJsonObject("extensions").getString("code"));
        assertTrue(noRight.getString("message").contains("modify right on tblProducts"), noRight.toString());
        JsonObject protectedField = rolledBack(
                writer,
                "mutation { tblAddresses { rowModify(kf1AdrNr: {string: \"10003\"}) {"
                        + " fldKredLimit(set: {float: 1}) } } }");
        assertEquals(
                "FORBIDDEN_FIELD", protectedField.getJsonObject("extensions").getString("code"));
        assertTrue(protectedField.getString("message").contains("fldKredLimit"));
        Http.Res readOnlyTable = Http.graphql(writer, "mutation { tblOpenItems { rowNew { fldBelegNr } } }");
        assertTrue(readOnlyTable.body().contains("tblOpenItems"), readOnlyTable.body());
        assertFalse(
                readOnlyTable.json().containsKey("data") && readOnlyTable.json().get("data") != JsonValue.NULL);
        JsonObject system = rolledBack(
                writer,
                "mutation { tblProducts { rowModify(kf1ArtNr: {string: \"A10006\"}) {"
                        + " fldModifyLSN(set: {int: 1}) } } }");
        assertEquals("BAD_USER_INPUT", system.getJsonObject("extensions").getString("code"));
    }
}
