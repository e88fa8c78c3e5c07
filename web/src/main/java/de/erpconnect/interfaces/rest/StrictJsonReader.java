package de.erpconnect.interfaces.rest;

import de.erpconnect.common.Jsonp;
import de.erpconnect.domain.shared.FieldError;
import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.shared.PrintableText;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON request bodies into command records strictly: an unknown field, a string where a
 * boolean belongs ({@code "active":"ja"}) or a fraction where a whole number belongs is a 400
 * naming the field — never silently coerced or ignored (DESIGN §11). Supported component types:
 * String, Boolean, Integer, Long, List&lt;String&gt; and Map&lt;String, List&lt;String&gt;&gt;. No string
 * may contain U+0000.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class StrictJsonReader implements MessageBodyReader<Record> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.isRecord();
    }

    @Override
    public Record readFrom(
            Class<Record> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders,
            InputStream entityStream) {
        JsonValue value;
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (JsonReader reader = Jsonp.JSON.createReader(new InputStreamReader(entityStream, utf8))) {
            value = reader.readValue();
        } catch (RuntimeException e) {
            // JsonException, invalid UTF-8 (wrapped), nesting beyond the parser's depth limit
            throw new InvalidInputException(
                    "body", "The request body is not well-formed JSON in UTF-8 (at most 1000 levels deep).");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException("body", "The request body must be a JSON object.");
        }
        JsonObject object = value.asJsonObject();
        RecordComponent[] components = type.getRecordComponents();
        Map<String, RecordComponent> byName = new LinkedHashMap<>();
        for (RecordComponent c : components) {
            byName.put(c.getName(), c);
        }
        List<FieldError> errors = new ArrayList<>();
        for (String key : object.keySet()) {
            if (!byName.containsKey(key)) {
                errors.add(new FieldError(shorten(key), "Unknown field."));
            }
        }
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            JsonValue v = object.get(c.getName());
            if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            try {
                args[i] = convert(c.getName(), c.getGenericType(), v);
            } catch (InvalidInputException e) {
                errors.addAll(e.fieldErrors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        try {
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
            }
            Constructor<Record> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getSimpleName(), e);
        }
    }

    private static Object convert(String field, Type type, JsonValue v) {
        if (type == String.class) {
            return expect(field, v, JsonValue.ValueType.STRING, "a string")
                    ? text(field, ((JsonString) v).getString())
                    : null;
        }
        if (type == Boolean.class) {
            if (v.getValueType() == JsonValue.ValueType.TRUE) {
                return Boolean.TRUE;
            }
            if (v.getValueType() == JsonValue.ValueType.FALSE) {
                return Boolean.FALSE;
            }
            throw new InvalidInputException(field, field + " must be true or false.");
        }
        if (type == Integer.class || type == Long.class) {
            expect(field, v, JsonValue.ValueType.NUMBER, "a whole number");
            JsonNumber n = (JsonNumber) v;
            if (!n.isIntegral()) {
                throw new InvalidInputException(field, field + " must be a whole number.");
            }
            try {
                if (type == Integer.class) {
                    return Integer.valueOf(n.bigIntegerValueExact().intValueExact());
                }
                return Long.valueOf(n.longValueExact());
            } catch (ArithmeticException e) {
                throw new InvalidInputException(field, field + " is out of range.");
            }
        }
        if (type instanceof ParameterizedType p
                && p.getRawType() == List.class
                && p.getActualTypeArguments()[0] == String.class) {
            expect(field, v, JsonValue.ValueType.ARRAY, "a list of strings");
            List<String> list = new ArrayList<>();
            for (JsonValue item : (JsonArray) v) {
                if (item.getValueType() != JsonValue.ValueType.STRING) {
                    throw new InvalidInputException(field, field + " must be a list of strings.");
                }
                list.add(text(field, ((JsonString) item).getString()));
            }
            return list;
        }
        if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
            expect(field, v, JsonValue.ValueType.OBJECT, "an object");
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> e : v.asJsonObject().entrySet()) {
                map.put(text(field, e.getKey()), convert(field, p.getActualTypeArguments()[1], e.getValue()));
            }
            return map;
        }
        throw new IllegalStateException("unsupported command field type " + type);
    }

    /**
     * No text field of any command can hold U+0000 (PostgreSQL cannot even store it); which other
     * control characters a field allows is the domain's rule (line breaks in an info text, none in a name).
     */
    private static String text(String field, String value) {
        if (value.indexOf('\u0000') >= 0) {
            throw new InvalidInputException(field, field + " must not contain the character U+0000.");
        }
        return value;
    }

    private static boolean expect(String field, JsonValue v, JsonValue.ValueType type, String what) {
        if (v.getValueType() != type) {
            throw new InvalidInputException(field, field + " must be " + what + ".");
        }
        return true;
    }

    private static String shorten(String key) {
        String cut = key.length() > 40 ? key.substring(0, 40) : key;
        return PrintableText.of(cut);
    }
}
