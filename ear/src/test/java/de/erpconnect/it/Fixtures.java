package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test data through the admin API, with unique names so that every test can run alone. */
final class Fixtures {

    static final String PASSWORD = "Geheim!2026";

    private Fixtures() {}

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A user with GraphQL access and read rights on addresses and postal addresses. */
    static String graphqlUser() {
        return user(Map.of("tblAddresses", List.of("read"), "tblPostalAddresses", List.of("read")), List.of("user"));
    }

    static String user(Map<String, List<String>> permissions, List<String> roles) {
        return user(permissions, roles, List.of(), true);
    }

    /**
     * Creates a user through the admin API and returns its login; its password is
     * {@link #PASSWORD} followed by the login.
     */
    static String user(
            Map<String, List<String>> permissions,
            List<String> roles,
            List<String> protectedFields,
            boolean graphqlAccess) {
        String login = unique("u");
        JsonObjectBuilder perms = Json.createObjectBuilder();
        permissions.forEach((t, rights) -> perms.add(t, Json.createArrayBuilder(rights)));
        Http.Res r = Http.json(
                "POST",
                "/api/admin/users",
                Http.admin(),
                Json.createObjectBuilder()
                        .add("login", login)
                        .add("displayName", "Test " + login)
                        .add("password", Secrets.note(PASSWORD + login))
                        .add("active", true)
                        .add("graphqlAccess", graphqlAccess)
                        .add("roles", Json.createArrayBuilder(roles))
                        .add("permissions", perms)
                        .add("protectedFields", Json.createArrayBuilder(protectedFields))
                        .build()
                        .toString());
        assertEquals(201, r.status(), r.body());
        return login;
    }

    /** A confidential own application for {@code user}; returns the create response. */
    static JsonObject application(String user, List<String> scopes, Integer accessTokenSeconds) {
        JsonArrayBuilder s = Json.createArrayBuilder(scopes);
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("name", unique("App "))
                .add("kind", "OWN")
                .add("clientType", "CONFIDENTIAL")
                .add("user", user)
                .add("redirectUris", Json.createArrayBuilder().add("https://partner.example.com/cb"))
                .add("scopes", s);
        if (accessTokenSeconds != null) {
            body.add("accessTokenSeconds", accessTokenSeconds);
        }
        Http.Res r = Http.json(
                "POST", "/api/admin/applications", Http.admin(), body.build().toString());
        assertEquals(201, r.status(), r.body());
        JsonObject app = r.json();
        Secrets.note(app.getString("clientSecret"));
        return app;
    }

    static String token(JsonObject app) {
        return token(app.getString("clientId"), app.getString("clientSecret"), null);
    }

    static String token(String clientId, String secret, String scope) {
        String form = scope == null
                ? "grant_type=client_credentials"
                : Http.form(Map.of("grant_type", "client_credentials", "scope", scope));
        Http.Res r = Http.token(Http.basic(clientId, secret), form);
        assertEquals(200, r.status(), r.body());
        return Secrets.note(r.json().getString("access_token"));
    }

    static void put(String path, String body) {
        Http.Res r = Http.json("PUT", path, Http.admin(), body);
        assertEquals(200, r.status(), r.body());
    }
}
