package de.erpconnect.interfaces.graphql;

import de.erpconnect.domain.erp.ComparisonOperator;
import de.erpconnect.domain.erp.FieldMeta;
import de.erpconnect.domain.erp.Operand;
import de.erpconnect.domain.erp.RowFilter;
import de.erpconnect.domain.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a {@code keyFilter}, {@code fastFilter} or {@code slowFilter} argument (reference §2.2)
 * into a {@link RowFilter}: exactly one operator per filter object; {@code eq ne gt lt ge le} take
 * two operands ({@code [{field: …}, {value: …}]}), {@code isNull}/{@code isNotNull} a field,
 * {@code and}/{@code or} a list, {@code not} one filter, {@code in} (slow filters only) a left
 * operand and a list of values. Values are converted to the type of the field they meet.
 */
final class FilterInput {

    static final List<String> COMPARISONS = List.of("eq", "ne", "gt", "lt", "ge", "le");

    private final String argument;
    private final Function<String, FieldMeta> fields;
    private final boolean allowIn;

    /**
     * @param fields resolves an operand's field name (the enum value) to the field it means
     */
    FilterInput(String argument, Function<String, FieldMeta> fields, boolean allowIn) {
        this.argument = argument;
        this.fields = fields;
        this.allowIn = allowIn;
    }

    RowFilter parse(Object input) {
        if (input == null) {
            return null;
        }
        return filter(asMap(input));
    }

    @SuppressWarnings("unchecked")
    private RowFilter filter(Map<String, Object> object) {
        List<Map.Entry<String, Object>> given =
                object.entrySet().stream().filter(e -> e.getValue() != null).toList();
        if (given.size() != 1) {
            throw new InvalidInputException(
                    argument,
                    "Every " + argument + " object takes exactly one operator (found " + given.size()
                            + "); combine several with and/or.");
        }
        String operator = given.get(0).getKey();
        Object value = given.get(0).getValue();
        if (COMPARISONS.contains(operator)) {
            List<Object> operands = (List<Object>) value;
            if (operands.size() != 2) {
                throw new InvalidInputException(
                        argument, operator + " takes exactly two operands, e.g. [{field: fldX}, {value: …}].");
            }
            Object leftRaw = operands.get(0);
            Object rightRaw = operands.get(1);
            FieldMeta leftField = fieldOf(leftRaw);
            FieldMeta rightField = fieldOf(rightRaw);
            if (leftField == null && rightField == null) {
                throw new InvalidInputException(argument, operator + " needs a field on at least one side.");
            }
            Operand left = operand(leftRaw, leftField, rightField);
            Operand right = operand(rightRaw, rightField, leftField);
            return new RowFilter.Comparison(ComparisonOperator.valueOf(operator.toUpperCase(Locale.ROOT)), left, right);
        }
        switch (operator) {
            case "isNull", "isNotNull" -> {
                FieldMeta field = fieldOf(value);
                if (field == null) {
                    throw new InvalidInputException(argument, operator + " takes {field: …}.");
                }
                return new RowFilter.NullCheck(field, operator.equals("isNull"));
            }
            case "and", "or" -> {
                List<RowFilter> parts = new ArrayList<>();
                for (Object part : (List<Object>) value) {
                    parts.add(filter(asMap(part)));
                }
                if (parts.isEmpty()) {
                    throw new InvalidInputException(argument, operator + " needs at least one filter.");
                }
                return operator.equals("and") ? new RowFilter.All(parts) : new RowFilter.Any(parts);
            }
            case "not" -> {
                return new RowFilter.Not(filter(asMap(value)));
            }
            case "in" -> {
                if (!allowIn) {
                    throw new InvalidInputException(argument, "in is only available in slowFilter.");
                }
                Map<String, Object> in = asMap(value);
                Object leftRaw = in.get("left");
                FieldMeta leftField = fieldOf(leftRaw);
                Operand left = operand(leftRaw, leftField, null);
                List<Object> values = new ArrayList<>();
                Class<?> type = null;
                for (Object v : (List<Object>) in.get("list")) {
                    if (v == null) {
                        throw new InvalidInputException(argument, "The list of in has no null entries.");
                    }
                    if (type != null && !sameKind(type, v.getClass())) {
                        throw new InvalidInputException(argument, "All values of an in list have the same type.");
                    }
                    type = v.getClass();
                    values.add(leftField == null ? v : FieldValues.coerce(argument, leftField, v));
                }
                return new RowFilter.In(left, values);
            }
            default -> throw new InvalidInputException(argument, "Unknown filter operator " + operator + ".");
        }
    }

    private static boolean sameKind(Class<?> a, Class<?> b) {
        return a == b || (Number.class.isAssignableFrom(a) && Number.class.isAssignableFrom(b));
    }

    private FieldMeta fieldOf(Object operand) {
        Object name = asMap(operand).get("field");
        if (name == null) {
            return null;
        }
        return fields.apply(name.toString());
    }

    private Operand operand(Object raw, FieldMeta own, FieldMeta other) {
        Map<String, Object> map = asMap(raw);
        long given = map.values().stream().filter(v -> v != null).count();
        if (given != 1) {
            throw new InvalidInputException(argument, "An operand is exactly one of {field: …} or {value: …}.");
        }
        if (own != null) {
            return new Operand.Field(own);
        }
        Object value = map.get("value");
        return new Operand.Value(other == null ? value : FieldValues.coerce(argument, other, value));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> asMap(Object input) {
        if (input instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new InvalidInputException(argument, "A filter object was expected.");
    }
}
