package de.erpconnect.infrastructure.jdbc;

import de.erpconnect.domain.erp.Operand;
import de.erpconnect.domain.erp.RowFilter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Translates a {@link RowFilter} to a SQL condition: column names come from the table registry,
 * every value is a bound parameter — never text from a request.
 */
final class SqlFilters {

    private SqlFilters() {}

    static String toSql(RowFilter filter, List<Object> params) {
        if (filter instanceof RowFilter.Comparison c) {
            return operand(c.left(), params) + " " + c.operator().sql() + " " + operand(c.right(), params);
        }
        if (filter instanceof RowFilter.NullCheck n) {
            return n.field().column() + (n.expectNull() ? " is null" : " is not null");
        }
        if (filter instanceof RowFilter.All a) {
            return a.parts().isEmpty() ? "1 = 1" : join(a.parts(), " and ", params);
        }
        if (filter instanceof RowFilter.Any a) {
            return a.parts().isEmpty() ? "1 = 0" : join(a.parts(), " or ", params);
        }
        if (filter instanceof RowFilter.Not n) {
            return "not (" + toSql(n.part(), params) + ")";
        }
        RowFilter.In in = (RowFilter.In) filter;
        if (in.values().isEmpty()) {
            return "1 = 0";
        }
        String left = operand(in.left(), params);
        params.addAll(in.values());
        return left + " in (" + in.values().stream().map(v -> "?").collect(Collectors.joining(", ")) + ")";
    }

    private static String join(List<RowFilter> parts, String operator, List<Object> params) {
        StringBuilder sql = new StringBuilder("(");
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                sql.append(operator);
            }
            sql.append(toSql(parts.get(i), params));
        }
        return sql.append(")").toString();
    }

    private static String operand(Operand operand, List<Object> params) {
        if (operand instanceof Operand.Field f) {
            return f.field().column();
        }
        params.add(((Operand.Value) operand).value());
        return "?";
    }
}
