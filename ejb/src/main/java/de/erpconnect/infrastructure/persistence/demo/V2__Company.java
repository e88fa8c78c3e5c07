package de.erpconnect.infrastructure.persistence.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The rest of the demo company, generated from a fixed seed (identical on every installation):
 * 12 product groups, 300 products, contact people for most addresses, 400 transactions (quotes,
 * orders, delivery notes, invoices) with 1–6 items and totals computed from them, open items for
 * the unpaid invoices, a PDF document for every invoice, and the company (Mandant) itself.
 * Invoice RE12500001 of address 10000 is always open and has a PDF, for the README's example.
 */
public class V2__Company extends BaseJavaMigration {

    static final int PRODUCTS = 300;
    static final int TRANSACTIONS = 400;
    private static final String[][] GROUPS = {
        {"100", "Büromöbel"},
        {"200", "Papier und Ordnung"},
        {"300", "Schreibgeräte"},
        {"400", "Drucker und Zubehör"},
        {"500", "Computer"},
        {"600", "Netzwerk"},
        {"700", "Beleuchtung"},
        {"800", "Werkzeug"},
        {"900", "Reinigung"},
        {"910", "Verpackung"},
        {"920", "Kaffee und Küche"},
        {"930", "Dienstleistungen"}
    };
    private static final String[][] ITEMS = {
        {"Schreibtisch", "Bürodrehstuhl", "Rollcontainer", "Aktenschrank", "Besprechungstisch"},
        {"Kopierpapier A4", "Ordner breit", "Hängemappe", "Collegeblock", "Briefumschlag C4"},
        {"Kugelschreiber", "Textmarker", "Füllhalter", "Bleistift HB", "Fineliner"},
        {"Tonerkartusche", "Tintenpatrone", "Laserdrucker", "Etikettendrucker", "Trommeleinheit"},
        {"Notebook 14\"", "Monitor 27\"", "Tastatur", "Maus kabellos", "Dockingstation"},
        {"Switch 24 Port", "Patchkabel", "WLAN-Router", "Access Point", "Netzwerkschrank"},
        {"LED-Schreibtischleuchte", "Deckenleuchte", "Stehleuchte", "LED-Röhre", "Leuchtmittel E27"},
        {"Akkuschrauber", "Bitsatz", "Zollstock", "Wasserwaage", "Werkzeugkoffer"},
        {"Allzweckreiniger", "Mikrofasertuch", "Müllbeutel", "Handseife", "Papierhandtücher"},
        {"Versandkarton", "Packband", "Luftpolsterfolie", "Füllmaterial", "Versandtasche"},
        {"Kaffeebohnen 1 kg", "Filterkaffee", "Teesortiment", "Milchkännchen", "Kaffeebecher"},
        {"Einrichtung vor Ort", "Wartungsvertrag", "Schulung", "Fernwartung", "Anfahrt"}
    };
    private static final String[] UNITS = {"STK", "STK", "STK", "PAK", "KAR", "H"};
    private static final String[] KINDS = {"Angebot", "Auftrag", "Lieferschein", "Rechnung", "Rechnung"};
    private static final String[] KIND_PREFIX = {"AN", "AU", "LI", "RE", "RE"};
    private static final String[] FIRST = {
        "Anna", "Jonas", "Lea", "Lukas", "Marie", "Felix", "Sophie", "Paul", "Laura", "Tim", "Julia", "Max", "Sarah"
    };
    private static final String[] LAST = {
        "Berg", "Albrecht", "Vogel", "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Jung", "Hahn", "Keller", "Roth"
    };
    private static final String[] DEPARTMENTS = {"Einkauf", "Buchhaltung", "Geschäftsführung", "Lager", "IT"};

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        Random random = new Random(2024);
        productGroups(c);
        List<Object[]> products = products(c, random);
        contactPeople(c, random);
        transactions(c, random, products);
        try (PreparedStatement client = c.prepareStatement(
                "insert into erp_client (mand_nr, name, str, plz, ort, ust_id_nr, insert_lsn, modify_lsn)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            long lsn = nextLsn(c);
            client.setString(1, "1");
            client.setString(2, "Demo Handelsgesellschaft mbH");
            client.setString(3, "Industriestraße 5");
            client.setString(4, "33602");
            client.setString(5, "Bielefeld");
            client.setString(6, "DE123456789");
            client.setLong(7, lsn);
            client.setLong(8, lsn);
            client.executeUpdate();
        }
    }

    private static void productGroups(Connection c) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into erp_product_group (wgr_nr, bez, insert_lsn, modify_lsn) values (?, ?, ?, ?)")) {
            for (String[] g : GROUPS) {
                long lsn = nextLsn(c);
                ps.setString(1, g[0]);
                ps.setString(2, g[1]);
                ps.setLong(3, lsn);
                ps.setLong(4, lsn);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Returns {artNr, bez, price} of every product. */
    private static List<Object[]> products(Connection c, Random random) throws Exception {
        List<Object[]> all = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "insert into erp_product (art_nr, such_beg, bez1, vk0_preis, lag_mge, wgr_nr, einh, gsp_kz,"
                        + " insert_lsn, modify_lsn) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < PRODUCTS; i++) {
                int group = i % GROUPS.length;
                String base = ITEMS[group][random.nextInt(ITEMS[group].length)];
                String artNr = "A" + (10000 + i);
                String bez = base + " Typ " + (char) ('A' + random.nextInt(8)) + (1 + random.nextInt(9));
                BigDecimal price = BigDecimal.valueOf(50 + random.nextInt(50_000), 2);
                long lsn = nextLsn(c);
                ps.setString(1, artNr);
                ps.setString(2, base.toUpperCase(Locale.GERMAN).replaceAll("[^A-ZÄÖÜ0-9]", ""));
                ps.setString(3, bez);
                ps.setBigDecimal(4, price);
                ps.setBigDecimal(5, group == 11 ? BigDecimal.ZERO : BigDecimal.valueOf(random.nextInt(500)));
                ps.setString(6, GROUPS[group][0]);
                ps.setString(7, group == 11 ? "H" : UNITS[random.nextInt(UNITS.length - 1)]);
                ps.setBoolean(8, i % 97 == 96);
                ps.setLong(9, lsn);
                ps.setLong(10, lsn);
                ps.addBatch();
                all.add(new Object[] {artNr, bez, price});
            }
            ps.executeBatch();
        }
        return all;
    }

    private static void contactPeople(Connection c, Random random) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into erp_contact_person (adr_nr, asp_nr, anr, v_na, n_na, abt, tel, email1, insert_lsn,"
                        + " modify_lsn) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int a = 0; a < V1__Addresses.COUNT; a++) {
                int count = a % 5 == 4 ? 0 : 1 + a % 3;
                for (int n = 1; n <= count; n++) {
                    String first = FIRST[random.nextInt(FIRST.length)];
                    String last = LAST[random.nextInt(LAST.length)];
                    long lsn = nextLsn(c);
                    ps.setString(1, String.valueOf(10000 + a));
                    ps.setInt(2, n);
                    ps.setString(3, "AEIOU".indexOf(first.charAt(first.length() - 1)) >= 0 ? "Frau" : "Herr");
                    ps.setString(4, first);
                    ps.setString(5, last);
                    ps.setString(6, DEPARTMENTS[random.nextInt(DEPARTMENTS.length)]);
                    ps.setString(7, "0521 " + (100000 + random.nextInt(900000)));
                    ps.setString(8, (first + "." + last).toLowerCase(Locale.GERMAN) + "@kunde" + a + ".example");
                    ps.setLong(9, lsn);
                    ps.setLong(10, lsn);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static void transactions(Connection c, Random random, List<Object[]> products) throws Exception {
        LocalDate start = LocalDate.of(2025, 1, 2);
        java.util.Map<String, Integer> counters = new java.util.HashMap<>();
        try (PreparedStatement head = c.prepareStatement(
                        "insert into erp_transaction (beleg_nr, art, dat, adr_nr, dok_guid, total_net, total_tax,"
                                + " total_gross, insert_lsn, modify_lsn) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement item = c.prepareStatement(
                        "insert into erp_transaction_item (beleg_nr, zeilen_nr, art_nr, bez, mge, e_preis, ust_satz,"
                                + " insert_lsn, modify_lsn) values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement open = c.prepareStatement(
                        "insert into erp_open_item (beleg_nr, adr_nr, erst_dat, netto_tg, bez_bet, op_saldo_bet,"
                                + " mahn_st, insert_lsn, modify_lsn) values (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement document = c.prepareStatement(
                        "insert into erp_document (dok_guid, bez, mime_type, content, insert_lsn, modify_lsn)"
                                + " values (?, ?, ?, ?, ?, ?)")) {
            for (int t = 0; t < TRANSACTIONS; t++) {
                int kind = t == 0 ? 3 : random.nextInt(KINDS.length);
                String belegNr =
                        KIND_PREFIX[kind] + (12500001 + counters.merge(KIND_PREFIX[kind], 1, Integer::sum) - 1);
                int address = t == 0 ? 0 : random.nextInt(V1__Addresses.COUNT);
                String adrNr = String.valueOf(10000 + address);
                LocalDate date = start.plusDays(t * 300L / TRANSACTIONS);
                BigDecimal net = BigDecimal.ZERO;
                BigDecimal tax = BigDecimal.ZERO;
                int lines = 1 + random.nextInt(6);
                StringBuilder text = new StringBuilder();
                for (int z = 1; z <= lines; z++) {
                    Object[] product = products.get(random.nextInt(products.size()));
                    BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(20));
                    BigDecimal price = (BigDecimal) product[2];
                    BigDecimal rate = ((String) product[0]).compareTo("A10290") > 0
                            ? new BigDecimal("7.00")
                            : new BigDecimal("19.00");
                    BigDecimal lineNet = quantity.multiply(price).setScale(2, RoundingMode.HALF_UP);
                    net = net.add(lineNet);
                    tax = tax.add(lineNet.multiply(rate).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
                    long lsn = nextLsn(c);
                    item.setString(1, belegNr);
                    item.setInt(2, z);
                    item.setString(3, (String) product[0]);
                    item.setString(4, (String) product[1]);
                    item.setBigDecimal(5, quantity);
                    item.setBigDecimal(6, price);
                    item.setBigDecimal(7, rate);
                    item.setLong(8, lsn);
                    item.setLong(9, lsn);
                    item.addBatch();
                    text.append(z)
                            .append("  ")
                            .append(quantity)
                            .append(" x ")
                            .append(product[1])
                            .append('\n');
                }
                BigDecimal gross = net.add(tax);
                String guid = null;
                if (KINDS[kind].equals("Rechnung")) {
                    guid = new UUID(2024L, t).toString();
                    long lsn = nextLsn(c);
                    document.setString(1, guid);
                    document.setString(2, "Rechnung " + belegNr);
                    document.setString(3, "application/pdf");
                    document.setBytes(
                            4, pdf("Rechnung " + belegNr + "  Kunde " + adrNr + "  Brutto " + gross + " EUR"));
                    document.setLong(5, lsn);
                    document.setLong(6, lsn);
                    document.addBatch();
                    boolean unpaid = t == 0 || random.nextInt(10) < 4;
                    if (unpaid) {
                        BigDecimal paid = t == 0 || random.nextBoolean()
                                ? BigDecimal.ZERO
                                : gross.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
                        long olsn = nextLsn(c);
                        open.setString(1, belegNr);
                        open.setString(2, adrNr);
                        open.setDate(3, Date.valueOf(date));
                        open.setInt(4, 30);
                        open.setBigDecimal(5, paid);
                        open.setBigDecimal(6, gross.subtract(paid));
                        open.setInt(7, t == 0 ? 0 : random.nextInt(3));
                        open.setLong(8, olsn);
                        open.setLong(9, olsn);
                        open.addBatch();
                    }
                }
                long lsn = nextLsn(c);
                head.setString(1, belegNr);
                head.setString(2, KINDS[kind]);
                head.setDate(3, Date.valueOf(date));
                head.setString(4, adrNr);
                head.setString(5, guid);
                head.setBigDecimal(6, net);
                head.setBigDecimal(7, tax);
                head.setBigDecimal(8, gross);
                head.setLong(9, lsn);
                head.setLong(10, lsn);
                head.addBatch();
            }
            head.executeBatch();
            item.executeBatch();
            open.executeBatch();
            document.executeBatch();
        }
    }

    /** A minimal valid one-page PDF 1.4 showing one line of text. */
    static byte[] pdf(String line) {
        String escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
        String stream = "BT /F1 12 Tf 56 780 Td (" + escaped + ") Tj ET";
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                    + " /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length " + stream.length() + " >>\nstream\n" + stream + "\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
        };
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = pdf.length();
            pdf.append(i + 1).append(" 0 obj\n").append(objects[i]).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.length + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ")
                .append(objects.length + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static long nextLsn(Connection c) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select nextval('erp_lsn_seq')")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
