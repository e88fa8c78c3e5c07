package de.erpconnect.domain.erp;

/**
 * One ERP field: {@code name} is the German short name without prefix ({@code AdrNr} is served
 * as {@code fldAdrNr}), {@code column} the SQL column. Column names come only from this
 * registry, never from a request.
 */
public record FieldMeta(String name, String column, FieldType type, boolean protectedField, String description) {

    public FieldMeta(String name, String column, FieldType type, String description) {
        this(name, column, type, false, description);
    }

    /** A permission-protected field (e.g. credit limit): only users granted it may read or write it. */
    public static FieldMeta protectedField(String name, String column, FieldType type, String description) {
        return new FieldMeta(name, column, type, true, description);
    }

    public String graphqlName() {
        return "fld" + name;
    }
}
