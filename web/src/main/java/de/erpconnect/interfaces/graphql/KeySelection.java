package de.erpconnect.interfaces.graphql;

import de.erpconnect.domain.erp.FieldMeta;
import de.erpconnect.domain.erp.IndexMeta;
import de.erpconnect.domain.erp.RowCondition;
import de.erpconnect.domain.erp.TableMeta;
import de.erpconnect.domain.shared.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the selection arguments of {@code rowRead}/{@code rowsRead} into conditions: the shorthand
 * {@code kf1AdrNr: {string: "10000"}} on the default index, or
 * {@code exactMatch: {byNr: {kf1AdrNr: {…, kf2AnsNr: {…}}}}} on a named index (reference §2.2).
 * Composite keys nest: key field n+1 lives inside key field n's object.
 */
final class KeySelection {

    static final String[] VALUE_WRAPPERS = {"string", "text", "int", "float"};

    private KeySelection() {}

    @SuppressWarnings("unchecked")
    static List<RowCondition> fromArguments(TableMeta table, Map<String, Object> arguments) {
        List<RowCondition> conditions = new ArrayList<>();
        IndexMeta defaultIndex = table.defaultIndex();
        String shorthand = defaultIndex.keyFieldName(0);
        Object exact = arguments.get("exactMatch");
        Object shortValue = arguments.get(shorthand);
        if (exact != null && shortValue != null) {
            throw new InvalidInputException("exactMatch", "Use either exactMatch or " + shorthand + ", not both.");
        }
        if (shortValue != null) {
            collect(table, defaultIndex, 0, (Map<String, Object>) shortValue, conditions);
        } else if (exact != null) {
            Map<String, Object> byIndex = (Map<String, Object>) exact;
            for (IndexMeta index : table.indexes()) {
                Object keys = byIndex.get(index.graphqlName());
                if (keys != null) {
                    Object first = ((Map<String, Object>) keys).get(index.keyFieldName(0));
                    if (first == null) {
                        throw new InvalidInputException(
                                index.keyFieldName(0), index.graphqlName() + " needs " + index.keyFieldName(0) + ".");
                    }
                    collect(table, index, 0, (Map<String, Object>) first, conditions);
                }
            }
        }
        return conditions;
    }

    @SuppressWarnings("unchecked")
    private static void collect(
            TableMeta table, IndexMeta index, int position, Map<String, Object> key, List<RowCondition> out) {
        FieldMeta field = table.requireField(index.keyFields().get(position));
        String argName = index.keyFieldName(position);
        Object raw = null;
        int given = 0;
        for (String wrapper : VALUE_WRAPPERS) {
            if (key.get(wrapper) != null) {
                raw = key.get(wrapper);
                given++;
            }
        }
        if (given != 1) {
            throw new InvalidInputException(argName, argName + " needs exactly one of string, text, int or float.");
        }
        out.add(new RowCondition(field, RowCondition.Operator.EQ, coerce(argName, field, raw)));
        if (position + 1 < index.keyFields().size()) {
            Object next = key.get(index.keyFieldName(position + 1));
            if (next != null) {
                collect(table, index, position + 1, (Map<String, Object>) next, out);
            }
        }
    }

    private static Object coerce(String argName, FieldMeta field, Object raw) {
        try {
            return switch (field.type()) {
                case STRING, GUID -> raw.toString();
                case INT ->
                    raw instanceof Number n
                            ? n.intValue()
                            : Integer.parseInt(raw.toString().trim());
                case BIGINT ->
                    raw instanceof Number n
                            ? n.longValue()
                            : Long.parseLong(raw.toString().trim());
                case DECIMAL -> new BigDecimal(raw.toString().trim().replace(',', '.'));
                case BOOLEAN -> Boolean.parseBoolean(raw.toString());
                default -> raw.toString();
            };
        } catch (NumberFormatException e) {
            throw new InvalidInputException(
                    argName, "The value of " + argName + " is not a valid " + field.type() + ".");
        }
    }
}
