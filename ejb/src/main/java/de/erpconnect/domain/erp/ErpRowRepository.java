package de.erpconnect.domain.erp;

import java.util.Collection;
import java.util.List;

/** Generic access to the ERP tables described by the {@link TableRegistry}. */
public interface ErpRowRepository {

    /** The rows of one read (range, database-side filters, keyset position, limit) in index order. */
    List<ErpRow> select(RowQuery query);

    /** Rows whose {@code field} is one of {@code values} — one statement for a whole batch. */
    List<ErpRow> selectIn(TableMeta table, FieldMeta field, Collection<?> values, IndexMeta index);

    /** The row with this record id, or empty. */
    java.util.Optional<ErpRow> findById(TableMeta table, long id);

    /** The next value of the global LSN sequence (fldInsertLSN / fldModifyLSN). */
    long nextLsn();

    /**
     * Takes the lock of the ERP's number ranges until the current transaction ends, so that the next
     * free number computed afterwards is not computed by a concurrent transaction as well.
     */
    void lockNumbering();

    /**
     * The last number the server issued in a number range (a number field of a table), or — before
     * the first — the greatest in the table; empty for an empty table. Call under {@link #lockNumbering}.
     */
    java.util.Optional<String> lastNumber(TableMeta table, FieldMeta field);

    /** Records the number just issued in its range (under {@link #lockNumbering}). */
    void rememberNumber(TableMeta table, FieldMeta field, String number);

    /**
     * Inserts a row (field name to value; system fields are set here) and returns it as stored.
     * A violated database rule is an {@link de.erpconnect.domain.shared.InvalidInputException}.
     */
    ErpRow insert(TableMeta table, java.util.Map<String, Object> values);

    /**
     * Changes the row {@code id} only if its fldModifyLSN is still {@code expectedLsn} (optimistic
     * locking as a conditional update); false when it was changed or deleted meanwhile.
     */
    boolean update(TableMeta table, long id, long expectedLsn, java.util.Map<String, Object> changes);

    /** Deletes the row {@code id} only if its fldModifyLSN is still {@code expectedLsn}. */
    boolean delete(TableMeta table, long id, long expectedLsn);

    /** The largest value of {@code field} among the rows passing {@code where} (null: all), or null. */
    Object max(TableMeta table, FieldMeta field, RowFilter where);
}
