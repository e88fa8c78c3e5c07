package de.erpconnect.domain.erp;

/** The comparison operators of filters ({@code eq ne lt le gt ge}); the SQL text comes from here, never from a request. */
public enum ComparisonOperator {
    EQ("="),
    NE("<>"),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    private final String sql;

    ComparisonOperator(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }
}
