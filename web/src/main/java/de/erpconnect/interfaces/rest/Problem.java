package de.erpconnect.interfaces.rest;

import de.erpconnect.common.Jsonp;
import de.erpconnect.domain.shared.FieldError;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem document: {@code type}, {@code title}, {@code status}, {@code detail}, {@code errors}. */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {}

    public static Response response(int status, String type, String title, String detail, List<FieldError> errors) {
        JsonObjectBuilder body = Jsonp.JSON
                .createObjectBuilder()
                .add("type", "urn:erpconnect:problem:" + type)
                .add("title", title)
                .add("status", status)
                .add("detail", detail);
        if (!errors.isEmpty()) {
            JsonArrayBuilder list = Jsonp.JSON.createArrayBuilder();
            errors.forEach(e -> list.add(
                    Jsonp.JSON.createObjectBuilder().add("field", e.field()).add("message", e.message())));
            body.add("errors", list);
        }
        return Response.status(status)
                .type(MEDIA_TYPE)
                .header("Cache-Control", "no-store")
                .entity(body.build().toString())
                .build();
    }
}
