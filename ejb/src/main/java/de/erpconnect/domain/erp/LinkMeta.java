package de.erpconnect.domain.erp;

/**
 * A 1:n link ({@code lnkPostalAddresses}): child rows whose {@code childField} equals the parent's
 * {@code parentField}, ordered by the child table's default index.
 */
public record LinkMeta(String name, ErpTable target, String parentField, String childField) {

    public String graphqlName() {
        return "lnk" + name;
    }
}
