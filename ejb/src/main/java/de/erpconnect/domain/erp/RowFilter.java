package de.erpconnect.domain.erp;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

/**
 * A filter over the rows of one table (reference §2.2: {@code keyFilter}, {@code fastFilter},
 * {@code slowFilter}). The same tree is translated to SQL with bound parameters (key and fast
 * filters) or evaluated row by row (slow filters). Comparisons with NULL are false, as in SQL.
 */
public sealed interface RowFilter {

    boolean test(ErpRow row);

    /** The fields this filter reads, for the permission check of protected fields. */
    Stream<FieldMeta> fields();

    /** {@code eq ne gt lt ge le} of two operands. */
    record Comparison(ComparisonOperator operator, Operand left, Operand right) implements RowFilter {
        @Override
        public boolean test(ErpRow row) {
            Object l = left.valueIn(row);
            Object r = right.valueIn(row);
            if (l == null || r == null) {
                return false;
            }
            int c = compare(l, r);
            return switch (operator) {
                case EQ -> c == 0;
                case NE -> c != 0;
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case GE -> c >= 0;
            };
        }

        @Override
        public Stream<FieldMeta> fields() {
            return Stream.of(left, right)
                    .filter(Operand.Field.class::isInstance)
                    .map(o -> ((Operand.Field) o).field());
        }
    }

    /** {@code isNull} / {@code isNotNull}. */
    record NullCheck(FieldMeta field, boolean expectNull) implements RowFilter {
        @Override
        public boolean test(ErpRow row) {
            return (row.get(field.name()) == null) == expectNull;
        }

        @Override
        public Stream<FieldMeta> fields() {
            return Stream.of(field);
        }
    }

    /** {@code and: […]}. */
    record All(List<RowFilter> parts) implements RowFilter {
        @Override
        public boolean test(ErpRow row) {
            return parts.stream().allMatch(p -> p.test(row));
        }

        @Override
        public Stream<FieldMeta> fields() {
            return parts.stream().flatMap(RowFilter::fields);
        }
    }

    /** {@code or: […]}. */
    record Any(List<RowFilter> parts) implements RowFilter {
        @Override
        public boolean test(ErpRow row) {
            return parts.stream().anyMatch(p -> p.test(row));
        }

        @Override
        public Stream<FieldMeta> fields() {
            return parts.stream().flatMap(RowFilter::fields);
        }
    }

    /** {@code not: …}. */
    record Not(RowFilter part) implements RowFilter {
        @Override
        public boolean test(ErpRow row) {
            return !part.test(row);
        }

        @Override
        public Stream<FieldMeta> fields() {
            return part.fields();
        }
    }

    /** {@code in: {left, list}} (slow filters only): the operand equals one of the values. */
    record In(Operand left, List<Object> values) implements RowFilter {
        @Override
        public boolean test(ErpRow row) {
            Object l = left.valueIn(row);
            return l != null && values.stream().anyMatch(v -> v != null && compare(l, v) == 0);
        }

        @Override
        public Stream<FieldMeta> fields() {
            return left instanceof Operand.Field f ? Stream.of(f.field()) : Stream.empty();
        }
    }

    /** Orders two values of compatible types: numbers by value, everything else naturally. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object l, Object r) {
        if (l instanceof Number a && r instanceof Number b) {
            return decimal(a).compareTo(decimal(b));
        }
        if (l.getClass() == r.getClass() && l instanceof Comparable c) {
            return c.compareTo(r);
        }
        return l.toString().compareTo(r.toString());
    }

    private static BigDecimal decimal(Number n) {
        return n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
    }
}
