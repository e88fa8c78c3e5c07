package de.erpconnect.domain.erp;

import java.util.Map;

/** One row of an ERP table: values by field name ({@code AdrNr}, not {@code fldAdrNr}). */
public record ErpRow(TableMeta table, Map<String, Object> values) {

    /** Marks the value of a protected field the caller may not see. */
    public static final Object WITHHELD = new Object() {
        @Override
        public String toString() {
            return "WITHHELD";
        }
    };

    public Object get(String field) {
        return values.get(field);
    }
}
