package de.erpconnect.infrastructure.json;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the application. {@code jakarta.json.Jsonp.JSON.createObjectBuilder()}
 * looks the provider up through a ServiceLoader on every call, which cost 16% of the token
 * endpoint's CPU in a profile; this looks it up once.
 */
public final class Jsonp {

    public static final JsonProvider JSON = JsonProvider.provider();

    private Jsonp() {}
}
