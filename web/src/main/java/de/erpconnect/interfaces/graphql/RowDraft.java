package de.erpconnect.interfaces.graphql;

import de.erpconnect.domain.erp.ErpRow;
import de.erpconnect.domain.erp.TableMeta;
import de.erpconnect.domain.shared.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The row a {@code rowNew}/{@code rowCopy}/{@code rowModify} block writes (reference §3): the
 * {@code fld…(set:)} fields of the block change it in document order, and it is saved when the
 * block's last field has run — or earlier by {@code rowSave} (which ends writing) or by a nested
 * table that needs the saved parent. Lives for one request.
 */
final class RowDraft {

    private final ErpServices services;
    private final TableMeta table;
    private final boolean allowAutoNr;
    private final RowDraft parent;
    private final Map<String, Object> pending = new LinkedHashMap<>();
    private ErpRow saved;
    private boolean writingEnded;
    private boolean failed;
    private int expectedFields;
    private int doneFields;

    private RowDraft(
            ErpServices services,
            TableMeta table,
            ErpRow saved,
            Map<String, Object> initial,
            boolean allowAutoNr,
            RowDraft parent) {
        this.services = services;
        this.table = table;
        this.saved = saved;
        this.allowAutoNr = allowAutoNr;
        this.parent = parent;
        pending.putAll(initial);
    }

    static RowDraft forNew(
            ErpServices services, TableMeta table, Map<String, Object> initial, boolean allowAutoNr, RowDraft parent) {
        return new RowDraft(services, table, null, initial, allowAutoNr, parent);
    }

    static RowDraft forModify(ErpServices services, TableMeta table, ErpRow row) {
        return new RowDraft(services, table, row, Map.of(), false, null);
    }

    TableMeta table() {
        return table;
    }

    /** Called by the block's first field: how many fields the block has. */
    void expect(int fields) {
        if (expectedFields == 0) {
            expectedFields = fields;
        }
    }

    void set(String field, Object value) {
        if (writingEnded) {
            throw new InvalidInputException(
                    "fld" + field, "fld" + field + " cannot be written after rowSave; the row is read-only now.");
        }
        pending.put(field, value);
    }

    Object get(String field) {
        if (pending.containsKey(field)) {
            return pending.get(field);
        }
        return saved == null ? null : saved.get(field);
    }

    /** Saves now (insert, or update of the pending changes) and returns the row as stored. */
    ErpRow save() {
        if (saved == null) {
            Map<String, Object> values = new LinkedHashMap<>(pending);
            pending.clear();
            saved = services.writes().insert(table.table(), values, allowAutoNr);
            if (parent != null) {
                parent.refresh();
            }
        } else if (!pending.isEmpty()) {
            Map<String, Object> changes = new LinkedHashMap<>(pending);
            pending.clear();
            saved = services.writes()
                    .update(table.table(), (Long) saved.get("ID"), (Long) saved.get("ModifyLSN"), changes);
            if (parent != null) {
                parent.refresh();
            }
        }
        return saved;
    }

    /** {@code rowSave}: saves and switches the block to reading. */
    ErpRow saveAndEndWriting() {
        ErpRow row = save();
        writingEnded = true;
        return row;
    }

    /** Re-reads the saved row after a child changed it (e.g. the totals of a transaction). */
    private void refresh() {
        if (saved != null) {
            saved = services.data().reread(table, (Long) saved.get("ID")).orElse(saved);
        }
    }

    /** A field of the block failed: the mutation rolls back, nothing more is saved. */
    void failed() {
        failed = true;
    }

    /** Called after each field of the block; the last one saves the row. */
    void fieldDone() {
        doneFields++;
        if (!failed && expectedFields > 0 && doneFields == expectedFields) {
            save();
        }
    }
}
