package de.erpconnect.domain.erp;

/** The natural type of an ERP field, i.e. what a {@code fld…} field returns without {@code as:}. */
public enum FieldType {
    STRING,
    INT,
    BIGINT,
    DECIMAL,
    BOOLEAN,
    DATE,
    TIMESTAMP,
    GUID,
    /** Binary content (a PDF), served as Base64. */
    BINARY
}
