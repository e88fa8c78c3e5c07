package de.erpconnect.interfaces.rest;

import de.erpconnect.domain.shared.InvalidInputException;
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
 * {@value #MAX_BODY_BYTES} bytes or not valid UTF-8, and query parameters the resource method does
 * not declare.
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
            for (String name : request.getUriInfo().getQueryParameters().keySet()) {
                if (!declared.contains(name)) {
                    throw new InvalidInputException(
                            name.length() > 40 ? name.substring(0, 40) : name, "Unknown query parameter.");
                }
            }
        }
        if (request.hasEntity()) {
            byte[] body = RequestBodies.readLimited(request.getEntityStream(), MAX_BODY_BYTES);
            RequestBodies.decodeUtf8(body);
            request.setEntityStream(new ByteArrayInputStream(body));
        }
    }
}
