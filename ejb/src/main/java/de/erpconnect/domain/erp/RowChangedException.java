package de.erpconnect.domain.erp;

import de.erpconnect.domain.shared.ConflictException;

/** A row changed or vanished between reading it and writing it (optimistic locking). */
public class RowChangedException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public RowChangedException(String table) {
        super("The row of " + table + " was changed or deleted by someone else meanwhile; read it again.");
    }
}
