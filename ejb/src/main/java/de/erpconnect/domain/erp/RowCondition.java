package de.erpconnect.domain.erp;

/** One comparison of a field with a value in a row selection ({@code kf1AdrNr = "10000"}). */
public record RowCondition(FieldMeta field, Operator operator, Object value) {

    /** Comparison operators; the SQL text comes from here, never from a request. */
    public enum Operator {
        EQ("="),
        NE("<>"),
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">=");

        private final String sql;

        Operator(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }
}
