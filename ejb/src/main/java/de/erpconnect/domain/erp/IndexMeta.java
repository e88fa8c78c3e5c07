package de.erpconnect.domain.erp;

import java.util.List;

/**
 * A sort order ({@code byNr}, {@code bySuchBeg}) with its key fields in order; key field n is
 * served as {@code kf<n><Name>}.
 */
public record IndexMeta(String name, List<String> keyFields) {

    public String graphqlName() {
        return "by" + name;
    }

    public String keyFieldName(int position) {
        return "kf" + (position + 1) + keyFields.get(position);
    }
}
