package de.erpconnect.domain.erp;

/**
 * A relation of a table's rows to rows of {@code target}: the target rows whose
 * {@code childField} equals this row's {@code parentField}, ordered by the target's default
 * index. Served as {@code lnk<Name>} (a list, {@link Kind#LINK}), {@code tbl<Name>} (an owned
 * child table such as the items of a transaction, {@link Kind#NESTED}) or {@code row<Name>} (the
 * one referenced record, {@link Kind#REFERENCE}).
 */
public record LinkMeta(Kind kind, String name, ErpTable target, String parentField, String childField) {

    public enum Kind {
        LINK("lnk"),
        NESTED("tbl"),
        REFERENCE("row");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    public static LinkMeta link(String name, ErpTable target, String parentField, String childField) {
        return new LinkMeta(Kind.LINK, name, target, parentField, childField);
    }

    public static LinkMeta nested(ErpTable target, String parentField, String childField) {
        return new LinkMeta(Kind.NESTED, target.wireName().substring(3), target, parentField, childField);
    }

    /** {@code row<field>}: the target row whose key field {@code targetField} equals {@code field}. */
    public static LinkMeta reference(String field, ErpTable target, String targetField) {
        return new LinkMeta(Kind.REFERENCE, field, target, field, targetField);
    }

    public String graphqlName() {
        return kind.prefix + name;
    }
}
