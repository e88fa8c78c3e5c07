package de.erpconnect.interfaces.graphql;

import de.erpconnect.domain.erp.FieldMeta;
import de.erpconnect.domain.erp.IndexMeta;
import de.erpconnect.domain.erp.RowQuery;
import de.erpconnect.domain.shared.InvalidInputException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Opaque, stable {@code conRead} cursors: the keyset position of a row (the sort index's key
 * values and the record id), so that a page continues after its last row even when rows are
 * inserted or deleted meanwhile. The client treats them as opaque; a cursor of another index or
 * a damaged one is a clear input error.
 */
final class Cursors {

    private static final String VERSION = "c1";

    private Cursors() {}

    static String encode(IndexMeta index, List<Object> position) {
        JsonArrayBuilder values = Json.createArrayBuilder().add(VERSION).add(index.name());
        for (Object v : position) {
            values.add(v instanceof BigDecimal d ? d.toPlainString() : v.toString());
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(values.build().toString().getBytes(StandardCharsets.UTF_8));
    }

    static List<Object> decode(RowQuery query, String cursor) {
        if (cursor == null) {
            return List.of();
        }
        JsonArray parts;
        try (JsonReader reader = Json.createReader(
                new StringReader(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)))) {
            parts = reader.readArray();
        } catch (IllegalArgumentException | JsonException e) {
            throw invalid();
        }
        List<FieldMeta> order = query.orderFields();
        if (parts.size() != order.size() + 2
                || parts.stream().anyMatch(v -> v.getValueType() != JsonValue.ValueType.STRING)
                || !VERSION.equals(parts.getString(0))
                || !query.index().name().equals(parts.getString(1))) {
            throw invalid();
        }
        List<Object> position = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            try {
                position.add(FieldValues.coerce("after", order.get(i), ((JsonString) parts.get(i + 2)).getString()));
            } catch (InvalidInputException e) {
                throw invalid();
            }
        }
        return position;
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException(
                "after", "The cursor is invalid: use a cursor from a conRead of the same table and index.");
    }
}
