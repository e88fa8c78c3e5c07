package de.erpconnect.domain.erp;

import java.util.Arrays;
import java.util.Optional;

/**
 * The ERP tables partner apps can be granted rights on, by their GraphQL name. A table is listed
 * here before its data is served, so that rights can be granted ahead of time.
 */
public enum ErpTable {
    ADDRESSES("tblAddresses", true),
    POSTAL_ADDRESSES("tblPostalAddresses", true),
    CONTACT_PEOPLE("tblContactPeople", true),
    PRODUCTS("tblProducts", true),
    PRODUCT_GROUPS("tblProductGroups", true),
    TRANSACTIONS("tblTransactions", true),
    TRANSACTION_ITEMS("tblTransactionItems", true),
    OPEN_ITEMS("tblOpenItems", false),
    DOCUMENTS("tblDocuments", true),
    USERS("tblUsers", false),
    CLIENT("tblClient", true);

    private final String wireName;
    private final boolean writable;

    ErpTable(String wireName, boolean writable) {
        this.wireName = wireName;
        this.writable = writable;
    }

    public String wireName() {
        return wireName;
    }

    public boolean writable() {
        return writable;
    }

    public static Optional<ErpTable> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
