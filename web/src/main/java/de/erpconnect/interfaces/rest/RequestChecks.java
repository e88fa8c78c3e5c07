package de.erpconnect.interfaces.rest;

import de.erpconnect.domain.shared.InvalidInputException;
import de.erpconnect.domain.shared.PrintableText;
import de.erpconnect.interfaces.http.RequestBodies;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;

/**
 * Refuses what the resources would otherwise silently accept (DESIGN §11): request bodies over
 * {@value #MAX_BODY_BYTES} bytes or not valid UTF-8, query parameters the resource method does
 * not declare, and query or path values with control characters.
 */
@Provider
public class RequestChecks implements ContainerRequestFilter {

    static final int MAX_BODY_BYTES = 64 * 1024;

    @Context
    ResourceInfo resourceInfo;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        if (method != null) {
            Set<String> declared = new HashSet<>();
            for (Annotation[] annotations : method.getParameterAnnotations()) {
                for (Annotation a : annotations) {
                    if (a instanceof QueryParam q) {
                        declared.add(q.value());
                    }
                }
            }
            for (var parameter : request.getUriInfo().getQueryParameters().entrySet()) {
                String name = parameter.getKey();
                if (!declared.contains(name)) {
                    throw new InvalidInputException(
                            PrintableText.of(name.length() > 40 ? name.substring(0, 40) : name),
                            "Unknown query parameter.");
                }
                if (parameter.getValue().stream().anyMatch(RequestChecks::hasControlCharacter)) {
                    throw new InvalidInputException(name, "The query parameter must not contain control characters.");
                }
            }
        }
        for (var parameter : request.getUriInfo().getPathParameters().entrySet()) {
            if (parameter.getValue().stream().anyMatch(RequestChecks::hasControlCharacter)) {
                throw new InvalidInputException(
                        parameter.getKey(), "The path segment must not contain control characters.");
            }
        }
        if (request.hasEntity()) {
            byte[] body = RequestBodies.readLimited(request.getEntityStream(), MAX_BODY_BYTES);
            RequestBodies.decodeUtf8(body);
            request.setEntityStream(new ByteArrayInputStream(body));
        }
    }

    /** No login, number, filter or search text has one; U+0000 cannot even reach PostgreSQL. */
    private static boolean hasControlCharacter(String value) {
        return value.codePoints().anyMatch(Character::isISOControl);
    }
}
