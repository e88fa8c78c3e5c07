package de.erpconnect.infrastructure.persistence.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * 200 customer and supplier addresses (Adressnummern 10000–10199) with one or two postal
 * addresses each. A fixed seed makes every installation's demo data identical; address 10000 is
 * always "Mustermann Büroausstattung GmbH" in Bielefeld, which the README's examples use.
 */
public class V1__Addresses extends BaseJavaMigration {

    static final int COUNT = 200;
    private static final String[] LEGAL = {"GmbH", "GmbH & Co. KG", "AG", "e.K.", "KG", "OHG", "UG (haftungsbeschränkt)"
    };
    private static final String[] NAMES = {
        "Becker", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Schulz", "Hoffmann", "Koch", "Richter",
        "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann",
        "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann", "Schmid", "Schulze", "Maier", "Köhler"
    };
    private static final String[] TRADES = {
        "Büroausstattung", "Metallbau", "Elektrotechnik", "Haustechnik", "Druckerei", "Logistik", "Feinmechanik",
        "Holzbau", "Gartenbau", "Systemhaus", "Lebensmittelhandel", "Autohaus", "Verpackungen", "Steuerberatung"
    };
    private static final String[][] CITIES = {
        {"33602", "Bielefeld"},
        {"10115", "Berlin"},
        {"20095", "Hamburg"},
        {"80331", "München"},
        {"50667", "Köln"},
        {"60311", "Frankfurt am Main"},
        {"70173", "Stuttgart"},
        {"40213", "Düsseldorf"},
        {"04109", "Leipzig"},
        {"44135", "Dortmund"},
        {"45127", "Essen"},
        {"28195", "Bremen"},
        {"01067", "Dresden"},
        {"30159", "Hannover"},
        {"90402", "Nürnberg"},
        {"47051", "Duisburg"},
        {"44787", "Bochum"},
        {"42103", "Wuppertal"},
        {"53111", "Bonn"},
        {"48143", "Münster"},
        {"76133", "Karlsruhe"},
        {"68159", "Mannheim"},
        {"86150", "Augsburg"},
        {"65183", "Wiesbaden"}
    };
    private static final String[] STREETS = {
        "Hauptstraße", "Bahnhofstraße", "Industriestraße", "Gewerbering", "Lindenallee", "Kirchweg", "Am Markt",
        "Schillerstraße", "Goethestraße", "Gartenstraße", "Mühlenweg", "Berliner Straße", "Dorfstraße", "Ringstraße"
    };
    private static final String[] STATUS = {"Kunde", "Kunde", "Kunde", "Lieferant", "Interessent"};

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        Random random = new Random(4711);
        try (PreparedStatement address = c.prepareStatement(
                        "insert into erp_address (adr_nr, such_beg, status, kred_limit, gsp_kz, insert_lsn, modify_lsn)"
                                + " values (?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement postal = c.prepareStatement(
                        "insert into erp_postal_address (adr_nr, ans_nr, na1, na2, na3, str, plz, ort, land_bez, email1,"
                                + " insert_lsn, modify_lsn) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < COUNT; i++) {
                String adrNr = String.valueOf(10000 + i);
                String family = i == 0 ? "Mustermann" : NAMES[random.nextInt(NAMES.length)];
                String trade = i == 0 ? "Büroausstattung" : TRADES[random.nextInt(TRADES.length)];
                String legal = i == 0 ? "GmbH" : LEGAL[random.nextInt(LEGAL.length)];
                String[] city = i == 0 ? CITIES[0] : CITIES[random.nextInt(CITIES.length)];
                String name = family + " " + trade + " " + legal;
                long lsn = nextLsn(c);
                address.setString(1, adrNr);
                address.setString(
                        2, (family + trade).toUpperCase(java.util.Locale.GERMAN).replace(" ", ""));
                address.setString(3, i == 0 ? "Kunde" : STATUS[random.nextInt(STATUS.length)]);
                address.setBigDecimal(4, BigDecimal.valueOf(5_000L + 1_000L * random.nextInt(96)));
                address.setBoolean(5, i % 47 == 46);
                address.setLong(6, lsn);
                address.setLong(7, lsn);
                address.addBatch();
                int postalCount = i % 3 == 0 ? 2 : 1;
                for (int ans = 1; ans <= postalCount; ans++) {
                    long plsn = nextLsn(c);
                    String street = i == 0 && ans == 1
                            ? "Musterweg 12"
                            : STREETS[random.nextInt(STREETS.length)] + " " + (1 + random.nextInt(180));
                    postal.setString(1, adrNr);
                    postal.setInt(2, ans);
                    postal.setString(3, name);
                    postal.setString(4, ans == 1 ? null : "Lieferanschrift");
                    postal.setString(5, ans == 1 ? "Buchhaltung" : "Wareneingang");
                    postal.setString(6, street);
                    postal.setString(7, city[0]);
                    postal.setString(8, city[1]);
                    postal.setString(9, "Deutschland");
                    postal.setString(10, ans == 1 ? mail(family, trade, adrNr) : null);
                    postal.setLong(11, plsn);
                    postal.setLong(12, plsn);
                    postal.addBatch();
                }
            }
            address.executeBatch();
            postal.executeBatch();
        }
    }

    private static String mail(String family, String trade, String adrNr) {
        String domain = (family + "-" + trade)
                .toLowerCase(java.util.Locale.GERMAN)
                .replace("ä", "ae")
                .replace("ö", "oe")
                .replace("ü", "ue")
                .replace("ß", "ss");
        return "info" + adrNr.substring(3) + "@" + domain + ".example";
    }

    private static long nextLsn(Connection c) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select nextval('erp_lsn_seq')")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
