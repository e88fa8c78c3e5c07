package de.erpconnect.domain.erp;

/**
 * An amount group ({@code aco<Name>}, reference §2.1): the gross, net and tax amounts of a row,
 * served as {@code acoGPreis { totalGrossAmount totalNetAmount totalTaxAmount }}.
 */
public record AmountGroupMeta(String name, String grossField, String netField, String taxField) {

    public String graphqlName() {
        return "aco" + name;
    }
}
