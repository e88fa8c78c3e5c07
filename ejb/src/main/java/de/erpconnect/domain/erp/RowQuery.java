package de.erpconnect.domain.erp;

import java.util.List;

/**
 * One read of an ERP table as the repository runs it: the rows of {@code range} on {@code index}
 * that pass {@code filter} (key and fast filters, run by the database), in index order with the
 * record id as the last tie-breaker, starting after the keyset position {@code after} (the index's
 * key values and the id of the last row already seen), at most {@code limit} rows.
 */
public record RowQuery(
        TableMeta table, IndexMeta index, KeyRange range, RowFilter filter, List<Object> after, int limit) {

    public RowQuery {
        after = after == null ? List.of() : List.copyOf(after);
    }

    /** The ordering of this read: the index's key fields, then {@code fldID}. */
    public List<FieldMeta> orderFields() {
        List<FieldMeta> order = new java.util.ArrayList<>();
        index.keyFields().forEach(f -> order.add(table.requireField(f)));
        if (!index.keyFields().contains("ID")) {
            order.add(table.requireField("ID"));
        }
        return order;
    }

    public RowQuery continueAfter(List<Object> position) {
        return new RowQuery(table, index, range, filter, position, limit);
    }
}
