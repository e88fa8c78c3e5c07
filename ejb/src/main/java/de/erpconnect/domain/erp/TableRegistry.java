package de.erpconnect.domain.erp;

import static de.erpconnect.domain.erp.FieldType.BIGINT;
import static de.erpconnect.domain.erp.FieldType.BOOLEAN;
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
                List.of(new LinkMeta("PostalAddresses", ErpTable.POSTAL_ADDRESSES, "AdrNr", "AdrNr"))));
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

    public TableMeta require(ErpTable table) {
        return find(table).orElseThrow(() -> new IllegalStateException(table + " is not served"));
    }
}
