package de.erpconnect.domain.erp;

/** One side of a filter comparison: a field of the row or a literal value (reference §2.2). */
public sealed interface Operand {

    /** The operand's value for one row (slow filters, evaluated by the application). */
    Object valueIn(ErpRow row);

    /** A field of the row being filtered. */
    record Field(FieldMeta field) implements Operand {
        @Override
        public Object valueIn(ErpRow row) {
            return row.get(field.name());
        }
    }

    /** A literal, already converted to the type of the field it is compared with. */
    record Value(Object value) implements Operand {
        @Override
        public Object valueIn(ErpRow row) {
            return value;
        }
    }
}
