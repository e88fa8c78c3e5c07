package de.erpconnect.interfaces.graphql;

import de.erpconnect.domain.erp.FieldMeta;
import de.erpconnect.domain.erp.IndexMeta;
import de.erpconnect.domain.erp.KeyRange;
import de.erpconnect.domain.erp.RowFilter;
import de.erpconnect.domain.erp.TableMeta;
import de.erpconnect.domain.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The selection arguments of {@code rowRead}, {@code rowsRead} and {@code conRead} (reference
 * §2.2), read into index, key range and filters:
 *
 * <ul>
 *   <li>{@code exactMatch: {byNr: {kf1AdrNr: {string: "10000"}}}} — composite keys nest, key
 *       field n+1 inside key field n's object; a prefix of the key selects all rows that share it;
 *   <li>{@code nearestMatch: {byNr: {…}}} — from the key on, in index order;
 *   <li>{@code allBetween: {byNr: {kf1AdrNr: {from: {…}, to: {…}, toExclusive: true}}}};
 *   <li>the shorthand {@code kf1AdrNr: {string: …}} (or {@code {from:…, to:…}}) on the default
 *       index;
 *   <li>{@code keyFilter} inside the {@code by…} object, {@code fastFilter}, {@code slowFilter}.
 * </ul>
 */
record ReadArguments(IndexMeta index, KeyRange range, RowFilter keyFilter, RowFilter fastFilter, RowFilter slowFilter) {

    static final List<String> VALUE_WRAPPERS = List.of("string", "text", "int", "float");
    static final List<String> MODES = List.of("exactMatch", "nearestMatch", "allBetween");

    /** The key and fast filters, which the database applies. */
    RowFilter databaseFilter() {
        if (keyFilter == null) {
            return fastFilter;
        }
        return fastFilter == null ? keyFilter : new RowFilter.All(List.of(keyFilter, fastFilter));
    }

    @SuppressWarnings("unchecked")
    static ReadArguments parse(TableMeta table, Map<String, Object> arguments) {
        IndexMeta defaultIndex = table.defaultIndex();
        String shorthand = defaultIndex.keyFieldName(0);
        List<String> given = new ArrayList<>();
        MODES.forEach(m -> {
            if (arguments.get(m) != null) {
                given.add(m);
            }
        });
        if (arguments.get(shorthand) != null) {
            given.add(shorthand);
        }
        if (given.size() > 1) {
            throw new InvalidInputException(given.get(1), "Use only one of " + String.join(", ", given) + ".");
        }
        RowFilter fast =
                new FilterInput("fastFilter", name -> field(table, name), false).parse(arguments.get("fastFilter"));
        RowFilter slow =
                new FilterInput("slowFilter", name -> field(table, name), true).parse(arguments.get("slowFilter"));
        if (given.isEmpty()) {
            return new ReadArguments(defaultIndex, KeyRange.ALL, null, fast, slow);
        }
        String mode = given.get(0);
        if (mode.equals(shorthand)) {
            Map<String, Object> key = (Map<String, Object>) arguments.get(shorthand);
            return new ReadArguments(defaultIndex, range(table, defaultIndex, key, true), null, fast, slow);
        }
        Map<String, Object> byIndex = (Map<String, Object>) arguments.get(mode);
        List<IndexMeta> chosen = table.indexes().stream()
                .filter(i -> byIndex.get(i.graphqlName()) != null)
                .toList();
        if (chosen.size() != 1) {
            throw new InvalidInputException(mode, mode + " names exactly one index (by…).");
        }
        IndexMeta index = chosen.get(0);
        Map<String, Object> by = (Map<String, Object>) byIndex.get(index.graphqlName());
        RowFilter keyFilter =
                new FilterInput("keyFilter", name -> keyField(table, index, name), false).parse(by.get("keyFilter"));
        Map<String, Object> first = (Map<String, Object>) by.get(index.keyFieldName(0));
        KeyRange range;
        if (mode.equals("allBetween")) {
            range = first == null ? KeyRange.ALL : range(table, index, first, true);
        } else {
            if (first == null) {
                throw new InvalidInputException(
                        index.keyFieldName(0),
                        mode + " on " + index.graphqlName() + " needs " + index.keyFieldName(0) + ".");
            }
            if (isRange(first)) {
                throw new InvalidInputException(
                        index.keyFieldName(0), "from/to belong in allBetween, not in " + mode + ".");
            }
            List<Object> key = key(table, index, 0, first);
            range = mode.equals("exactMatch") ? KeyRange.exact(key) : KeyRange.from(key);
        }
        return new ReadArguments(index, range, keyFilter, fast, slow);
    }

    private static boolean isRange(Map<String, Object> key) {
        return key.get("from") != null || key.get("to") != null || key.get("toExclusive") != null;
    }

    @SuppressWarnings("unchecked")
    private static KeyRange range(TableMeta table, IndexMeta index, Map<String, Object> first, boolean rangeAllowed) {
        if (!isRange(first)) {
            return KeyRange.exact(key(table, index, 0, first));
        }
        if (!rangeAllowed) {
            throw new InvalidInputException(index.keyFieldName(0), "A range is not allowed here.");
        }
        for (String wrapper : VALUE_WRAPPERS) {
            if (first.get(wrapper) != null) {
                throw new InvalidInputException(index.keyFieldName(0), "Give either a key value or from/to, not both.");
            }
        }
        Object from = first.get("from");
        Object to = first.get("to");
        boolean toExclusive = Boolean.TRUE.equals(first.get("toExclusive"));
        return new KeyRange(
                from == null ? List.of() : key(table, index, 0, (Map<String, Object>) from),
                true,
                to == null ? List.of() : key(table, index, 0, (Map<String, Object>) to),
                !toExclusive);
    }

    /** The key values of a (possibly nested) key object, from position {@code position} on. */
    @SuppressWarnings("unchecked")
    private static List<Object> key(TableMeta table, IndexMeta index, int position, Map<String, Object> key) {
        List<Object> values = new ArrayList<>();
        Map<String, Object> current = key;
        for (int p = position; current != null && p < index.keyFields().size(); p++) {
            FieldMeta field = table.requireField(index.keyFields().get(p));
            String argName = index.keyFieldName(p);
            String exactlyOne = argName + " needs exactly one of string, text, int or float.";
            Object raw = FieldValues.single(current, VALUE_WRAPPERS, argName, exactlyOne);
            if (raw == null) {
                throw new InvalidInputException(argName, exactlyOne);
            }
            values.add(FieldValues.coerce(argName, field, raw));
            current = p + 1 < index.keyFields().size()
                    ? (Map<String, Object>) current.get(index.keyFieldName(p + 1))
                    : null;
        }
        return values;
    }

    private static FieldMeta field(TableMeta table, String graphqlName) {
        return table.fields().stream()
                .filter(f -> f.graphqlName().equals(graphqlName))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("field", "Unknown field " + graphqlName + "."));
    }

    private static FieldMeta keyField(TableMeta table, IndexMeta index, String kfName) {
        for (int p = 0; p < index.keyFields().size(); p++) {
            if (index.keyFieldName(p).equals(kfName)) {
                return table.requireField(index.keyFields().get(p));
            }
        }
        throw new InvalidInputException("keyFilter", kfName + " is not a key field of " + index.graphqlName() + ".");
    }
}
