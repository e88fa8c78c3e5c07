package de.erpconnect.domain.erp;

import java.util.Collection;
import java.util.List;

/** Generic access to the ERP tables described by the {@link TableRegistry}. */
public interface ErpRowRepository {

    /** Rows matching all conditions, in the order of {@code index}, at most {@code limit}. */
    List<ErpRow> select(TableMeta table, List<RowCondition> conditions, IndexMeta index, int offset, int limit);

    /** Rows whose {@code field} is one of {@code values} — one statement for a whole batch. */
    List<ErpRow> selectIn(TableMeta table, FieldMeta field, Collection<?> values, IndexMeta index);
}
