package de.erpconnect.domain.erp;

import java.util.Collection;
import java.util.List;

/** Generic access to the ERP tables described by the {@link TableRegistry}. */
public interface ErpRowRepository {

    /** The rows of one read (range, database-side filters, keyset position, limit) in index order. */
    List<ErpRow> select(RowQuery query);

    /** Rows whose {@code field} is one of {@code values} — one statement for a whole batch. */
    List<ErpRow> selectIn(TableMeta table, FieldMeta field, Collection<?> values, IndexMeta index);
}
