package de.erpconnect.common;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.Optional;

/**
 * The one JSON-P provider of the application. {@code jakarta.json.Jsonp.JSON.createObjectBuilder()}
 * looks the provider up through a ServiceLoader on every call, which cost 16% of the token
 * endpoint's CPU in a profile; this looks it up once.
 */
public final class Jsonp {

    public static final JsonProvider JSON = JsonProvider.provider();

    private Jsonp() {}

    /** A remote answer's body as a JSON object; empty when it is no JSON or no object. */
    public static Optional<JsonObject> object(String body) {
        try (JsonReader reader = JSON.createReader(new StringReader(body == null ? "" : body))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT
                    ? Optional.of(value.asJsonObject())
                    : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
