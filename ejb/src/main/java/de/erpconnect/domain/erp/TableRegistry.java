package de.erpconnect.domain.erp;

import static de.erpconnect.domain.erp.FieldType.BIGINT;
import static de.erpconnect.domain.erp.FieldType.BINARY;
import static de.erpconnect.domain.erp.FieldType.BOOLEAN;
import static de.erpconnect.domain.erp.FieldType.DATE;
import static de.erpconnect.domain.erp.FieldType.DECIMAL;
import static de.erpconnect.domain.erp.FieldType.INT;
import static de.erpconnect.domain.erp.FieldType.STRING;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table-metadata registry (DESIGN §7): the one description of every served ERP table, from
 * which the GraphQL schema, the SQL and the permission checks are derived. Adding a table means
 * adding an entry here and its migration.
 */
public final class TableRegistry {

    private static final TableRegistry INSTANCE = new TableRegistry();

    private final Map<ErpTable, TableMeta> tables = new EnumMap<>(ErpTable.class);

    private TableRegistry() {
        register(new TableMeta(
                ErpTable.ADDRESSES,
                "Address",
                "erp_address",
                withSystemFields(List.of(
                        new FieldMeta("AdrNr", "adr_nr", STRING, "Adressnummer (key of byNr)."),
                        new FieldMeta("SuchBeg", "such_beg", STRING, "Suchbegriff."),
                        new FieldMeta("Status", "status", STRING, "Adressstatus (Kunde, Lieferant, Interessent)."),
                        FieldMeta.protectedField(
                                "KredLimit", "kred_limit", DECIMAL, "Kreditlimit in EUR (protected field)."),
                        new FieldMeta("GspKz", "gsp_kz", BOOLEAN, "Gesperrt."))),
                List.of(new IndexMeta("Nr", List.of("AdrNr")), new IndexMeta("SuchBeg", List.of("SuchBeg", "AdrNr"))),
                List.of(
                        LinkMeta.link("PostalAddresses", ErpTable.POSTAL_ADDRESSES, "AdrNr", "AdrNr"),
                        LinkMeta.link("ContactPeople", ErpTable.CONTACT_PEOPLE, "AdrNr", "AdrNr"),
                        LinkMeta.link("OpenItems", ErpTable.OPEN_ITEMS, "AdrNr", "AdrNr"))));
        register(new TableMeta(
                ErpTable.POSTAL_ADDRESSES,
                "PostalAddress",
                "erp_postal_address",
                withSystemFields(List.of(
                        new FieldMeta("AdrNr", "adr_nr", STRING, "Adressnummer of the owning address."),
                        new FieldMeta("AnsNr", "ans_nr", INT, "Anschriftnummer within the address."),
                        new FieldMeta("Na1", "na1", STRING, "Name line 1."),
                        new FieldMeta("Na2", "na2", STRING, "Name line 2."),
                        new FieldMeta("Na3", "na3", STRING, "Name line 3."),
                        new FieldMeta("Str", "str", STRING, "Street and house number."),
                        new FieldMeta("PLZ", "plz", STRING, "Postal code."),
                        new FieldMeta("Ort", "ort", STRING, "City."),
                        new FieldMeta("LandBez", "land_bez", STRING, "Country name."),
                        new FieldMeta("EMail1", "email1", STRING, "E-mail address."))),
                List.of(new IndexMeta("Nr", List.of("AdrNr", "AnsNr"))),
                List.of(LinkMeta.reference("AdrNr", ErpTable.ADDRESSES, "AdrNr"))));
        register(new TableMeta(
                ErpTable.CONTACT_PEOPLE,
                "ContactPerson",
                "erp_contact_person",
                withSystemFields(List.of(
                        new FieldMeta("AdrNr", "adr_nr", STRING, "Adressnummer of the address."),
                        new FieldMeta("AspNr", "asp_nr", INT, "Ansprechpartnernummer within the address."),
                        new FieldMeta("Anr", "anr", STRING, "Anrede."),
                        new FieldMeta("VNa", "v_na", STRING, "Vorname."),
                        new FieldMeta("NNa", "n_na", STRING, "Nachname."),
                        new FieldMeta("Abt", "abt", STRING, "Abteilung."),
                        new FieldMeta("Tel", "tel", STRING, "Telefon."),
                        new FieldMeta("EMail1", "email1", STRING, "E-mail address."))),
                List.of(new IndexMeta("Nr", List.of("AdrNr", "AspNr"))),
                List.of(LinkMeta.reference("AdrNr", ErpTable.ADDRESSES, "AdrNr"))));
        register(new TableMeta(
                ErpTable.PRODUCT_GROUPS,
                "ProductGroup",
                "erp_product_group",
                withSystemFields(List.of(
                        new FieldMeta("WgrNr", "wgr_nr", STRING, "Warengruppennummer (key of byNr)."),
                        new FieldMeta("Bez", "bez", STRING, "Bezeichnung."))),
                List.of(new IndexMeta("Nr", List.of("WgrNr"))),
                List.of(LinkMeta.link("Products", ErpTable.PRODUCTS, "WgrNr", "WgrNr"))));
        register(new TableMeta(
                ErpTable.PRODUCTS,
                "Product",
                "erp_product",
                withSystemFields(List.of(
                        new FieldMeta("ArtNr", "art_nr", STRING, "Artikelnummer (key of byNr)."),
                        new FieldMeta("SuchBeg", "such_beg", STRING, "Suchbegriff."),
                        new FieldMeta("Bez1", "bez1", STRING, "Bezeichnung."),
                        new FieldMeta("Vk0_Preis", "vk0_preis", DECIMAL, "Verkaufspreis 0 (net, EUR)."),
                        new FieldMeta("LagMge", "lag_mge", DECIMAL, "Lagermenge."),
                        new FieldMeta("WgrNr", "wgr_nr", STRING, "Warengruppe (see rowWgrNr)."),
                        new FieldMeta("Einh", "einh", STRING, "Einheit (UN/ECE code)."),
                        new FieldMeta("GspKz", "gsp_kz", BOOLEAN, "Gesperrt."))),
                List.of(new IndexMeta("Nr", List.of("ArtNr")), new IndexMeta("SuchBeg", List.of("SuchBeg", "ArtNr"))),
                List.of(LinkMeta.reference("WgrNr", ErpTable.PRODUCT_GROUPS, "WgrNr"))));
        register(new TableMeta(
                ErpTable.TRANSACTIONS,
                "Transaction",
                "erp_transaction",
                withSystemFields(List.of(
                        new FieldMeta("BelegNr", "beleg_nr", STRING, "Belegnummer (key of byBelegNr)."),
                        new FieldMeta("Art", "art", STRING, "Vorgangsart by name (Angebot, Auftrag, Rechnung …)."),
                        new FieldMeta("Dat", "dat", DATE, "Belegdatum."),
                        new FieldMeta("AdrNr", "adr_nr", STRING, "Adressnummer of the customer (see rowAdrNr)."),
                        new FieldMeta("DokGUID", "dok_guid", STRING, "GUID of the archived document in tblDocuments."),
                        new FieldMeta("GesNetto", "total_net", DECIMAL, "Total net amount (also acoGPreis)."),
                        new FieldMeta("GesSteuer", "total_tax", DECIMAL, "Total tax amount (also acoGPreis)."),
                        new FieldMeta("GesBrutto", "total_gross", DECIMAL, "Total gross amount (also acoGPreis)."))),
                List.of(
                        new IndexMeta("BelegNr", List.of("BelegNr")),
                        new IndexMeta("AdrNr", List.of("AdrNr", "BelegNr"))),
                List.of(
                        LinkMeta.reference("AdrNr", ErpTable.ADDRESSES, "AdrNr"),
                        LinkMeta.nested(ErpTable.TRANSACTION_ITEMS, "BelegNr", "BelegNr")),
                List.of(new AmountGroupMeta("GPreis", "GesBrutto", "GesNetto", "GesSteuer"))));
        register(new TableMeta(
                ErpTable.TRANSACTION_ITEMS,
                "TransactionItem",
                "erp_transaction_item",
                withSystemFields(List.of(
                        new FieldMeta("BelegNr", "beleg_nr", STRING, "Belegnummer of the transaction."),
                        new FieldMeta("ZeilenNr", "zeilen_nr", INT, "Zeilennummer within the transaction."),
                        new FieldMeta("ArtNr", "art_nr", STRING, "Artikelnummer (see rowArtNr)."),
                        new FieldMeta("Bez", "bez", STRING, "Bezeichnung."),
                        new FieldMeta("Mge", "mge", DECIMAL, "Menge."),
                        FieldMeta.protectedField("EPreis", "e_preis", DECIMAL, "Einzelpreis net (protected field)."),
                        new FieldMeta("UStSatz", "ust_satz", DECIMAL, "VAT rate in percent."))),
                List.of(new IndexMeta("Nr", List.of("BelegNr", "ZeilenNr"))),
                List.of(
                        LinkMeta.reference("BelegNr", ErpTable.TRANSACTIONS, "BelegNr"),
                        LinkMeta.reference("ArtNr", ErpTable.PRODUCTS, "ArtNr"))));
        register(new TableMeta(
                ErpTable.OPEN_ITEMS,
                "OpenItem",
                "erp_open_item",
                withSystemFields(List.of(
                        new FieldMeta("BelegNr", "beleg_nr", STRING, "Belegnummer of the invoice (see rowBelegNr)."),
                        new FieldMeta("AdrNr", "adr_nr", STRING, "Adressnummer of the customer."),
                        new FieldMeta("ErstDat", "erst_dat", DATE, "Created on."),
                        new FieldMeta("NettoTg", "netto_tg", INT, "Net payment days."),
                        new FieldMeta("BezBet", "bez_bet", DECIMAL, "Amount paid."),
                        new FieldMeta("OPSaldoBet", "op_saldo_bet", DECIMAL, "Open balance."),
                        new FieldMeta("MahnSt", "mahn_st", INT, "Dunning level."))),
                List.of(
                        new IndexMeta("BelegNr", List.of("BelegNr")),
                        new IndexMeta("AdrNr", List.of("AdrNr", "BelegNr"))),
                List.of(
                        LinkMeta.reference("BelegNr", ErpTable.TRANSACTIONS, "BelegNr"),
                        LinkMeta.reference("AdrNr", ErpTable.ADDRESSES, "AdrNr"))));
        register(new TableMeta(
                ErpTable.DOCUMENTS,
                "Document",
                "erp_document",
                withSystemFields(List.of(
                        new FieldMeta("DokGUID", "dok_guid", STRING, "GUID of the document (key of byGUID)."),
                        new FieldMeta("Bez", "bez", STRING, "Bezeichnung."),
                        new FieldMeta("MimeType", "mime_type", STRING, "MIME type, e.g. application/pdf."),
                        new FieldMeta("Inhalt", "content", BINARY, "The content, Base64-encoded."))),
                List.of(new IndexMeta("GUID", List.of("DokGUID"))),
                List.of()));
        register(new TableMeta(
                ErpTable.USERS,
                "User",
                "erp_user",
                withSystemFields(List.of(
                        new FieldMeta("AnmNa", "anm_na", STRING, "Anmeldename (login; key of byAnmNa)."),
                        new FieldMeta("Name", "name", STRING, "Name."),
                        new FieldMeta("Aktiv", "aktiv", BOOLEAN, "Active."),
                        new FieldMeta("GraphQLKz", "graphql_kz", BOOLEAN, "Zugriff über GraphQL erlaubt."))),
                List.of(new IndexMeta("AnmNa", List.of("AnmNa"))),
                List.of()));
        register(new TableMeta(
                ErpTable.CLIENT,
                "Client",
                "erp_client",
                withSystemFields(List.of(
                        new FieldMeta("MandNr", "mand_nr", STRING, "Mandantennummer."),
                        new FieldMeta("Name", "name", STRING, "Company name."),
                        new FieldMeta("Str", "str", STRING, "Street."),
                        new FieldMeta("PLZ", "plz", STRING, "Postal code."),
                        new FieldMeta("Ort", "ort", STRING, "City."),
                        new FieldMeta("UStIdNr", "ust_id_nr", STRING, "VAT id."))),
                List.of(new IndexMeta("Nr", List.of("MandNr"))),
                List.of()));
    }

    private static List<FieldMeta> withSystemFields(List<FieldMeta> fields) {
        List<FieldMeta> all = new ArrayList<>();
        all.add(new FieldMeta("ID", "id", BIGINT, "Internal record id."));
        all.addAll(fields);
        all.add(new FieldMeta("InsertLSN", "insert_lsn", BIGINT, "Log sequence number of the insert."));
        all.add(new FieldMeta("ModifyLSN", "modify_lsn", BIGINT, "Log sequence number of the last change."));
        return all;
    }

    private void register(TableMeta meta) {
        tables.put(meta.table(), meta);
    }

    public static TableRegistry get() {
        return INSTANCE;
    }

    public List<TableMeta> tables() {
        return Collections.unmodifiableList(new ArrayList<>(tables.values()));
    }

    public Optional<TableMeta> find(ErpTable table) {
        return Optional.ofNullable(tables.get(table));
    }

    /**
     * The key field that {@code using: current} selects with the caller's login (reference §2.2:
     * {@code tblUsers { rowRead(using: current) { fldAnmNa } }}), for the tables that have one.
     */
    public Optional<String> currentUserKey(ErpTable table) {
        return table == ErpTable.USERS ? Optional.of("AnmNa") : Optional.empty();
    }

    public TableMeta require(ErpTable table) {
        return find(table).orElseThrow(() -> new IllegalStateException(table + " is not served"));
    }
}
