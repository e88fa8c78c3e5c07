package de.erpconnect.domain.erp;

import java.util.List;
import java.util.Optional;

/** Everything the generators need to serve one ERP table. */
public record TableMeta(
        ErpTable table,
        String singular,
        String sqlTable,
        List<FieldMeta> fields,
        List<IndexMeta> indexes,
        List<LinkMeta> links,
        List<AmountGroupMeta> amountGroups) {

    public TableMeta(
            ErpTable table,
            String singular,
            String sqlTable,
            List<FieldMeta> fields,
            List<IndexMeta> indexes,
            List<LinkMeta> links) {
        this(table, singular, sqlTable, fields, indexes, links, List.of());
    }

    public Optional<FieldMeta> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public FieldMeta requireField(String name) {
        return field(name).orElseThrow(() -> new IllegalStateException(sqlTable + " has no field " + name));
    }

    /** The first index is the default sort order ({@code byNr}). */
    public IndexMeta defaultIndex() {
        return indexes.get(0);
    }
}
