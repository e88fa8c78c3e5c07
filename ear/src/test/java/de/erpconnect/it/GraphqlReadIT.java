package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The read side of the ERP GraphQL API on the demo company: selection (exactMatch, nearestMatch,
 * allBetween, shorthand), key/fast/slow filters, conRead paging with cursors, row… references,
 * lnk… links, nested tables, amount groups, documents, and the constant statement count.
 */
@ExtendWith(ArquillianExtension.class)
class GraphqlReadIT {

    static final List<String> TABLES = List.of(
            "tblAddresses",
            "tblPostalAddresses",
            "tblContactPeople",
            "tblProducts",
            "tblProductGroups",
            "tblTransactions",
            "tblTransactionItems",
            "tblOpenItems",
            "tblDocuments",
            "tblClient",
            "tblUsers");

    static String reader;
    static String readerLogin;
    static String readerWithoutProtected;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItEnv.ear();
    }

    @BeforeAll
    static void users() {
        readerLogin = user(List.of("fldKredLimit", "fldEPreis"));
        reader = Fixtures.token(Fixtures.application(readerLogin, List.of("graphql"), null));
        readerWithoutProtected = Fixtures.token(Fixtures.application(user(List.of()), List.of("graphql"), null));
    }

    private static String user(List<String> protectedFields) {
        Map<String, List<String>> perms = new LinkedHashMap<>();
        TABLES.forEach(t -> perms.put(t, List.of("read")));
        return Fixtures.user(perms, List.of("user"), protectedFields, true);
    }

    static JsonObject data(String token, String query) {
        Http.Res r = Http.graphql(token, query);
        assertEquals(200, r.status(), r.body());
        JsonObject json = r.json();
        assertFalse(json.containsKey("errors"), r.body());
        return json.getJsonObject("data");
    }

    static JsonObject errorOf(String token, String query) {
        Http.Res r = Http.graphql(token, query);
        assertEquals(200, r.status(), r.body());
        JsonArray errors = r.json().getJsonArray("errors");
        assertNotNull(errors, r.body());
        String body = r.body().toLowerCase(java.util.Locale.ROOT);
        for (String leak : List.of("\tat ", "java.", "jakarta.", "org.h2", "postgresql", "select ", " from erp_")) {
            assertFalse(body.contains(leak), "no stack traces, class names or SQL: " + r.body());
        }
        return errors.getJsonObject(0);
    }

    static List<String> values(JsonArray rows, String field) {
        List<String> out = new ArrayList<>();
        rows.forEach(v -> out.add(((JsonObject) v).get(field).toString().replace("\"", "")));
        return out;
    }

    @Test
    void exactMatchOnACompositeKeyAndItsPrefix() {
        JsonObject one = data(
                        reader,
                        "{ tblPostalAddresses { rowRead(exactMatch: {byNr: {kf1AdrNr: {string: \"10000\","
                                + " kf2AnsNr: {int: 2}}}}) { fldAdrNr fldAnsNr fldNa2 } } }")
                .getJsonObject("tblPostalAddresses")
                .getJsonObject("rowRead");
        assertEquals(2, one.getInt("fldAnsNr"));
        assertEquals("Lieferanschrift", one.getString("fldNa2"));
        JsonArray both = data(
                        reader,
                        "{ tblPostalAddresses { rowsRead(exactMatch: {byNr: {kf1AdrNr: {string: \"10000\"}}})"
                                + " { fldAnsNr } } }")
                .getJsonObject("tblPostalAddresses")
                .getJsonArray("rowsRead");
        assertEquals(List.of("1", "2"), values(both, "fldAnsNr"));
        JsonObject none = data(reader, "{ tblAddresses { rowRead(kf1AdrNr: {string: \"99999\"}) { fldAdrNr } } }")
                .getJsonObject("tblAddresses");
        assertEquals(JsonValue.NULL, none.get("rowRead"));
    }

    @Test
    void nearestMatchAndRanges() {
        assertEquals(
                "10051",
                data(
                                reader,
                                "{ tblAddresses { rowRead(nearestMatch: {byNr: {kf1AdrNr: {string: \"10050x\"}}}) { fldAdrNr } } }")
                        .getJsonObject("tblAddresses")
                        .getJsonObject("rowRead")
                        .getString("fldAdrNr"));
        JsonArray exclusive = data(
                        reader,
                        "{ tblAddresses { rowsRead(allBetween: {byNr: {kf1AdrNr: {from: {string: \"10010\"},"
                                + " to: {string: \"10020\"}, toExclusive: true}}}) { fldAdrNr } } }")
                .getJsonObject("tblAddresses")
                .getJsonArray("rowsRead");
        assertEquals(10, exclusive.size());
        assertEquals("10010", values(exclusive, "fldAdrNr").get(0));
        assertEquals("10019", values(exclusive, "fldAdrNr").get(9));
        JsonArray shorthand = data(
                        reader,
                        "{ tblAddresses { rowsRead(kf1AdrNr: {from: {string: \"10010\"}, to: {string: \"10020\"}})"
                                + " { fldAdrNr } } }")
                .getJsonObject("tblAddresses")
                .getJsonArray("rowsRead");
        assertEquals(11, shorthand.size(), "to is inclusive by default");
        JsonArray keyFiltered = data(
                        reader,
                        "{ tblAddresses { rowsRead(allBetween: {byNr: {"
                                + " keyFilter: {and: [{ge: [{field: kf1AdrNr}, {value: \"10195\"}]},"
                                + " {le: [{field: kf1AdrNr}, {value: \"10199\"}]}]}}}) { fldAdrNr } } }")
                .getJsonObject("tblAddresses")
                .getJsonArray("rowsRead");
        assertEquals(List.of("10195", "10196", "10197", "10198", "10199"), values(keyFiltered, "fldAdrNr"));
        JsonArray bySearch = data(
                        reader,
                        "{ tblAddresses { rowsRead(allBetween: {bySuchBeg: {kf1SuchBeg: {from: {string: \"M\"},"
                                + " to: {string: \"N\"}, toExclusive: true}}}) { fldSuchBeg } } }")
                .getJsonObject("tblAddresses")
                .getJsonArray("rowsRead");
        assertFalse(bySearch.isEmpty());
        List<String> terms = values(bySearch, "fldSuchBeg");
        assertTrue(terms.stream().allMatch(t -> t.startsWith("M")), terms.toString());
        List<String> sorted = new ArrayList<>(terms);
        sorted.sort(null);
        assertEquals(sorted, terms, "rows come in the order of the chosen index");
    }

    @Test
    void fastAndSlowFiltersAgree() {
        String fast = "{ tblAddresses { rowsRead(fastFilter: {and: [{eq: [{field: fldStatus}, {value: \"Lieferant\"}]},"
                + " {not: {eq: [{field: fldGspKz}, {value: true}]}}]}) { fldAdrNr fldStatus } } }";
        String slow =
                "{ tblAddresses { rowsRead(slowFilter: {and: [{in: {left: {field: fldStatus}, list: [\"Lieferant\"]}},"
                        + " {not: {eq: [{field: fldGspKz}, {value: true}]}}]}) { fldAdrNr fldStatus } } }";
        JsonArray a = data(reader, fast).getJsonObject("tblAddresses").getJsonArray("rowsRead");
        JsonArray b = data(reader, slow).getJsonObject("tblAddresses").getJsonArray("rowsRead");
        assertTrue(a.size() > 5 && a.size() < 200, "a real subset: " + a.size());
        assertEquals(values(a, "fldAdrNr"), values(b, "fldAdrNr"));
        assertTrue(values(a, "fldStatus").stream().allMatch("Lieferant"::equals));
        JsonArray numbers = data(
                        reader,
                        "{ tblProducts { rowsRead(fastFilter: {or: [{gt: [{field: fldVk0_Preis}, {value: 490}]},"
                                + " {isNull: {field: fldEinh}}]}) { fldVk0_Preis } } }")
                .getJsonObject("tblProducts")
                .getJsonArray("rowsRead");
        assertFalse(numbers.isEmpty());
        numbers.forEach(v -> assertTrue(
                new BigDecimal(((JsonObject) v).get("fldVk0_Preis").toString()).compareTo(new BigDecimal("490")) > 0));
    }

    @Test
    void badFiltersAreClearErrorsNotRows() {
        JsonObject twoOperators = errorOf(
                reader,
                "{ tblAddresses { rowsRead(fastFilter: {eq: [{field: fldStatus}, {value: \"Kunde\"}],"
                        + " isNull: {field: fldStatus}}) { fldAdrNr } } }");
        assertTrue(
                twoOperators.getString("message").contains("OneOf")
                        || twoOperators.getString("message").contains("one"),
                twoOperators.toString());
        JsonObject inOnFast = errorOf(
                reader,
                "{ tblAddresses { rowsRead(fastFilter: {in: {left: {field: fldStatus}, list: [\"A\"]}})"
                        + " { fldAdrNr } } }");
        assertTrue(inOnFast.getString("message").contains("in"), inOnFast.toString());
        JsonObject oneOperand =
                errorOf(reader, "{ tblAddresses { rowsRead(fastFilter: {eq: [{field: fldStatus}]}) { fldAdrNr } } }");
        assertEquals("BAD_USER_INPUT", oneOperand.getJsonObject("extensions").getString("code"), oneOperand.toString());
        JsonObject badNumber = errorOf(
                reader,
                "{ tblProducts { rowsRead(fastFilter: {gt: [{field: fldVk0_Preis}, {value: \"viel\"}]})"
                        + " { fldArtNr } } }");
        assertEquals("BAD_USER_INPUT", badNumber.getJsonObject("extensions").getString("code"));
        assertTrue(badNumber.getString("message").contains("fldVk0_Preis"), badNumber.toString());
        JsonObject two = errorOf(
                reader,
                "{ tblAddresses { rowsRead(kf1AdrNr: {string: \"10000\"},"
                        + " exactMatch: {byNr: {kf1AdrNr: {string: \"10000\"}}}) { fldAdrNr } } }");
        assertEquals("BAD_USER_INPUT", two.getJsonObject("extensions").getString("code"));
        JsonObject protectedFilter = errorOf(
                readerWithoutProtected,
                "{ tblAddresses { rowsRead(fastFilter: {gt:"
                        + " [{field: fldKredLimit}, {value: 50000}]}) { fldAdrNr } } }");
        assertEquals(
                "FORBIDDEN_FIELD", protectedFilter.getJsonObject("extensions").getString("code"));
    }

    @Test
    void conReadPagesThroughEveryRowOnceWithStableCursors() {
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        while (true) {
            String query =
                    "{ tblAddresses { conRead(first: 30, kf1AdrNr: {from: {string: \"10000\"}, to: {string: \"10199\"}}"
                            + (after == null ? "" : ", after: \"" + after + "\"")
                            + ") { edges { cursor node { fldAdrNr } } pageInfo { hasNextPage endCursor startCursor edgeCount } } } }";
            JsonObject con = data(reader, query).getJsonObject("tblAddresses").getJsonObject("conRead");
            JsonArray edges = con.getJsonArray("edges");
            JsonObject info = con.getJsonObject("pageInfo");
            assertEquals(edges.size(), info.getInt("edgeCount"));
            edges.forEach(e -> seen.add(((JsonObject) e).getJsonObject("node").getString("fldAdrNr")));
            pages++;
            if (!info.getBoolean("hasNextPage")) {
                break;
            }
            assertEquals(edges.getJsonObject(edges.size() - 1).getString("cursor"), info.getString("endCursor"));
            after = info.getString("endCursor");
        }
        assertEquals(7, pages);
        assertEquals(200, seen.size());
        assertEquals(200, new HashSet<>(seen).size(), "every row once");
        assertEquals("10000", seen.get(0));
        assertEquals("10199", seen.get(199));

        JsonObject empty = data(
                        reader,
                        "{ tblAddresses { conRead(first: 0) { edges { cursor } pageInfo { hasNextPage edgeCount endCursor } } } }")
                .getJsonObject("tblAddresses")
                .getJsonObject("conRead");
        assertEquals(0, empty.getJsonObject("pageInfo").getInt("edgeCount"));
        assertTrue(empty.getJsonObject("pageInfo").getBoolean("hasNextPage"));
        assertEquals(JsonValue.NULL, empty.getJsonObject("pageInfo").get("endCursor"));
        JsonObject nothing = data(
                        reader,
                        "{ tblAddresses { conRead(kf1AdrNr: {string: \"0\"}) { edges { cursor }"
                                + " pageInfo { hasNextPage edgeCount } } } }")
                .getJsonObject("tblAddresses")
                .getJsonObject("conRead");
        assertEquals(0, nothing.getJsonArray("edges").size());
        assertFalse(nothing.getJsonObject("pageInfo").getBoolean("hasNextPage"));

        JsonObject badCursor =
                errorOf(reader, "{ tblAddresses { conRead(first: 5, after: \"bm9wZQ\") { edges { cursor } } } }");
        assertEquals("BAD_USER_INPUT", badCursor.getJsonObject("extensions").getString("code"));
        String foreign = data(
                        reader,
                        "{ tblAddresses { conRead(first: 1, allBetween: {bySuchBeg: {}}) { pageInfo { endCursor } } } }")
                .getJsonObject("tblAddresses")
                .getJsonObject("conRead")
                .getJsonObject("pageInfo")
                .getString("endCursor");
        JsonObject wrongIndex = errorOf(
                reader, "{ tblAddresses { conRead(first: 5, after: \"" + foreign + "\") { edges { cursor } } } }");
        assertTrue(wrongIndex.getString("message").contains("cursor"), wrongIndex.toString());
        JsonObject tooLarge = errorOf(reader, "{ tblAddresses { conRead(first: 1001) { edges { cursor } } } }");
        assertEquals("BAD_USER_INPUT", tooLarge.getJsonObject("extensions").getString("code"));
    }

    @Test
    void aCursorStaysValidWhenRowsBeforeItChange() {
        JsonObject first = data(
                        reader,
                        "{ tblProducts { conRead(first: 3, slowFilter: {eq: [{field: fldWgrNr}, {value: \"300\"}]})"
                                + " { edges { node { fldArtNr fldWgrNr } } pageInfo { endCursor } } } }")
                .getJsonObject("tblProducts")
                .getJsonObject("conRead");
        String cursor = first.getJsonObject("pageInfo").getString("endCursor");
        JsonArray next = data(
                        reader,
                        "{ tblProducts { conRead(first: 3, after: \"" + cursor
                                + "\", slowFilter: {eq: [{field: fldWgrNr},"
                                + " {value: \"300\"}]}) { edges { node { fldArtNr fldWgrNr } } } } }")
                .getJsonObject("tblProducts")
                .getJsonObject("conRead")
                .getJsonArray("edges");
        assertEquals(3, next.size());
        String lastOfFirst = first.getJsonArray("edges")
                .getJsonObject(2)
                .getJsonObject("node")
                .getString("fldArtNr");
        String firstOfNext = next.getJsonObject(0).getJsonObject("node").getString("fldArtNr");
        assertTrue(firstOfNext.compareTo(lastOfFirst) > 0, lastOfFirst + " then " + firstOfNext);
        next.forEach(
                e -> assertEquals("300", ((JsonObject) e).getJsonObject("node").getString("fldWgrNr")));
    }

    @Test
    void referencesLinksNestedTablesAndAmounts() {
        JsonObject t = data(
                        reader,
                        "{ tblTransactions { rowRead(kf1BelegNr: {string: \"RE12500001\"}) { fldBelegNr fldArt"
                                + " fldDat(as: TEXT) rowAdrNr { fldAdrNr lnkPostalAddresses { rowsRead { fldOrt } } }"
                                + " tblTransactionItems { rowsRead { fldZeilenNr fldMge fldEPreis rowArtNr { fldArtNr rowWgrNr { fldBez } } } }"
                                + " acoGPreis { totalGrossAmount totalNetAmount totalTaxAmount } } } }")
                .getJsonObject("tblTransactions")
                .getJsonObject("rowRead");
        assertEquals("Rechnung", t.getString("fldArt"));
        assertTrue(t.getString("fldDat").matches("\\d\\d\\.\\d\\d\\.2025"), t.getString("fldDat"));
        assertEquals("10000", t.getJsonObject("rowAdrNr").getString("fldAdrNr"));
        assertEquals(
                "Bielefeld",
                t.getJsonObject("rowAdrNr")
                        .getJsonObject("lnkPostalAddresses")
                        .getJsonArray("rowsRead")
                        .getJsonObject(0)
                        .getString("fldOrt"));
        JsonArray items = t.getJsonObject("tblTransactionItems").getJsonArray("rowsRead");
        assertFalse(items.isEmpty());
        BigDecimal net = BigDecimal.ZERO;
        for (JsonValue v : items) {
            JsonObject item = (JsonObject) v;
            net = net.add(new BigDecimal(item.get("fldMge").toString())
                    .multiply(new BigDecimal(item.get("fldEPreis").toString()))
                    .setScale(2, java.math.RoundingMode.HALF_UP));
            assertNotNull(
                    item.getJsonObject("rowArtNr").getJsonObject("rowWgrNr").getString("fldBez"));
        }
        JsonObject amounts = t.getJsonObject("acoGPreis");
        assertEquals(0, net.compareTo(amounts.getJsonNumber("totalNetAmount").bigDecimalValue()));
        assertEquals(
                0,
                amounts.getJsonNumber("totalNetAmount")
                        .bigDecimalValue()
                        .add(amounts.getJsonNumber("totalTaxAmount").bigDecimalValue())
                        .compareTo(amounts.getJsonNumber("totalGrossAmount").bigDecimalValue()));

        JsonObject withheld = errorOf(
                readerWithoutProtected,
                "{ tblTransactionItems { rowRead(exactMatch: {byNr: {kf1BelegNr:"
                        + " {string: \"RE12500001\"}}}) { fldEPreis } } }");
        assertEquals("FORBIDDEN_FIELD", withheld.getJsonObject("extensions").getString("code"));
    }

    @Test
    void openItemsLeadToTheInvoiceAndItsPdf() {
        JsonArray open = data(
                        reader,
                        "{ tblAddresses { rowRead(kf1AdrNr: {string: \"10000\"}) { lnkOpenItems { rowsRead {"
                                + " fldBelegNr fldOPSaldoBet fldNettoTg rowBelegNr { fldDokGUID } } } } } }")
                .getJsonObject("tblAddresses")
                .getJsonObject("rowRead")
                .getJsonObject("lnkOpenItems")
                .getJsonArray("rowsRead");
        JsonObject item = open.stream()
                .map(JsonObject.class::cast)
                .filter(o -> o.getString("fldBelegNr").equals("RE12500001"))
                .findFirst()
                .orElseThrow();
        String guid = item.getJsonObject("rowBelegNr").getString("fldDokGUID");
        JsonObject doc = data(
                        reader,
                        "{ tblDocuments { rowRead(kf1DokGUID: {string: \"" + guid
                                + "\"}) { fldBez fldMimeType fldInhalt } } }")
                .getJsonObject("tblDocuments")
                .getJsonObject("rowRead");
        assertEquals("application/pdf", doc.getString("fldMimeType"));
        String pdf = new String(Base64.getDecoder().decode(doc.getString("fldInhalt")), StandardCharsets.ISO_8859_1);
        assertTrue(
                pdf.startsWith("%PDF-1.4")
                        && pdf.contains("RE12500001")
                        && pdf.trim().endsWith("%%EOF"),
                pdf);
        assertEquals(
                "Demo Handelsgesellschaft mbH",
                data(reader, "{ tblClient { rowRead { fldName } } }")
                        .getJsonObject("tblClient")
                        .getJsonObject("rowRead")
                        .getString("fldName"));
    }

    @Test
    void aPageWithNestedLinksCostsTheSameFewStatementsFor10And500Rows() {
        for (int n : new int[] {10, 500}) {
            String query = "{ tblTransactionItems { conRead(first: " + n + ") { edges { node { fldBelegNr fldArtNr"
                    + " rowArtNr { fldArtNr rowWgrNr { fldWgrNr } }"
                    + " rowBelegNr { fldBelegNr fldAdrNr rowAdrNr { fldAdrNr lnkPostalAddresses { rowsRead { fldAdrNr } } } } } } } } }";
            Http.Res r = Http.graphql(reader, query);
            assertEquals(200, r.status(), r.body());
            JsonObject json = r.json();
            assertFalse(json.containsKey("errors"), r.body());
            JsonArray edges = json.getJsonObject("data")
                    .getJsonObject("tblTransactionItems")
                    .getJsonObject("conRead")
                    .getJsonArray("edges");
            assertEquals(n, edges.size());
            Set<String> invoices = new HashSet<>();
            for (JsonValue e : edges) {
                JsonObject node = ((JsonObject) e).getJsonObject("node");
                assertEquals(
                        node.getString("fldArtNr"),
                        node.getJsonObject("rowArtNr").getString("fldArtNr"));
                JsonObject head = node.getJsonObject("rowBelegNr");
                assertEquals(node.getString("fldBelegNr"), head.getString("fldBelegNr"));
                assertEquals(
                        head.getString("fldAdrNr"),
                        head.getJsonObject("rowAdrNr").getString("fldAdrNr"));
                head.getJsonObject("rowAdrNr")
                        .getJsonObject("lnkPostalAddresses")
                        .getJsonArray("rowsRead")
                        .forEach(p -> assertEquals(head.getString("fldAdrNr"), ((JsonObject) p).getString("fldAdrNr")));
                invoices.add(head.getString("fldBelegNr"));
            }
            assertTrue(n == 10 || invoices.size() > 100, "500 items span many transactions: " + invoices.size());
            int statements =
                    json.getJsonObject("extensions").getJsonObject("erpconnect").getInt("sqlStatements");
            assertEquals(
                    6,
                    statements,
                    "page + rowArtNr + rowWgrNr + rowBelegNr + rowAdrNr + lnkPostalAddresses, for n=" + n);
        }
    }

    @Test
    void usingCurrentReadsTheCallingUser() {
        JsonObject me = data(
                        reader,
                        "{ tblUsers { rowRead(using: current) { fldAnmNa fldName fldAktiv fldGraphQLKz fldInsertLSN"
                                + " fldModifyLSN } } }")
                .getJsonObject("tblUsers")
                .getJsonObject("rowRead");
        assertEquals(readerLogin, me.getString("fldAnmNa"));
        assertEquals("Test " + readerLogin, me.getString("fldName"));
        assertTrue(me.getBoolean("fldGraphQLKz"));
        assertTrue(me.getJsonNumber("fldModifyLSN").longValue()
                >= me.getJsonNumber("fldInsertLSN").longValue());
        JsonObject admin = data(
                        reader, "{ tblUsers { rowRead(kf1AnmNa: {string: \"admin\"}) { fldAnmNa fldGraphQLKz } } }")
                .getJsonObject("tblUsers")
                .getJsonObject("rowRead");
        assertEquals("admin", admin.getString("fldAnmNa"));
        JsonObject both =
                errorOf(reader, "{ tblUsers { rowRead(using: current, kf1AnmNa: {string: \"admin\"}) { fldAnmNa } } }");
        assertEquals("BAD_USER_INPUT", both.getJsonObject("extensions").getString("code"));
        Http.Res write = Http.graphql(reader, "mutation { tblUsers { rowNew { fldAnmNa } } }");
        assertTrue(write.body().contains("tblUsers"), "tblUsers is read-only: " + write.body());
    }
}
