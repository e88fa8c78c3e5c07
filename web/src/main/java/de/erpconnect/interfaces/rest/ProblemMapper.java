package de.erpconnect.interfaces.rest;

import de.erpconnect.domain.shared.BusinessException;
import de.erpconnect.interfaces.http.BadRequestBodyException;
import de.erpconnect.interfaces.http.BusinessMessages;
import de.erpconnect.interfaces.http.ConcurrentChange;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The one mapping of failures to RFC 9457 problem JSON for the admin API. Business exceptions
 * map by category; unreadable bodies to 400/413; anything unexpected to a 500 whose detail only
 * names an incident id that the server log also carries. No stack trace reaches the client.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof BusinessException e) {
            String detail = localized(e);
            return switch (e.category()) {
                case INVALID -> Problem.response(400, "invalid-input", "Invalid input", detail, e.fieldErrors());
                case NOT_FOUND -> Problem.response(404, "not-found", "Not found", detail, List.of());
                case CONFLICT -> Problem.response(409, "conflict", "Conflict", detail, List.of());
                case FORBIDDEN -> Problem.response(403, "forbidden", "Forbidden", detail, List.of());
                case UNAVAILABLE -> Problem.response(503, "unavailable", "Service unavailable", detail, List.of());
            };
        }
        if (cause instanceof BadRequestBodyException e) {
            return Problem.response(
                    e.status(),
                    e.status() == 413 ? "body-too-large" : "malformed-body",
                    e.status() == 413 ? "Request body too large" : "Malformed request body",
                    e.getMessage(),
                    List.of());
        }
        if (cause instanceof JsonbException || cause instanceof ProcessingException) {
            return Problem.response(400, "malformed-body", "Malformed request body", jsonDetail(cause), List.of());
        }
        if (cause instanceof EJBAccessException) {
            return Problem.response(403, "forbidden", "Forbidden", "This operation needs the role 'admin'.", List.of());
        }
        if (!(cause instanceof OptimisticLockException) && ConcurrentChange.isCause(failure)) {
            // no service translated this race (it surfaced at commit): say so, a pre-check may be missing
            LOG.infof("ERPC0102: a request lost a race to a parallel one at commit: %s", rootMessage(failure));
        }
        if (cause instanceof OptimisticLockException || ConcurrentChange.isCause(failure)) {
            return Problem.response(
                    409,
                    "conflict",
                    "Conflict",
                    "The record was changed at the same time; reload and retry.",
                    List.of());
        }
        if (cause instanceof WebApplicationException e && e.getResponse().getStatus() < 500) {
            int status = e.getResponse().getStatus();
            Response response = Problem.response(status, "http-" + status, reason(status), detail(status), List.of());
            if (e instanceof NotAllowedException) {
                return Response.fromResponse(response)
                        .allow(e.getResponse().getAllowedMethods())
                        .build();
            }
            return response;
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(failure, "ERPC0101: unexpected failure in the admin API, incident %s", incident);
        return Problem.response(
                500,
                "internal",
                "Internal error",
                "The server could not handle the request (incident " + incident + ").",
                List.of());
    }

    /**
     * The message of a business exception with a message key, in German (the default) or English
     * by {@code Accept-Language}; others keep their message.
     */
    private String localized(BusinessException e) {
        Locale locale = Locale.GERMAN;
        if (headers != null) {
            for (Locale l : headers.getAcceptableLanguages()) {
                if (l.getLanguage().equals("en") || l.getLanguage().equals("de")) {
                    locale = l;
                    break;
                }
            }
        }
        return BusinessMessages.text(e, locale);
    }

    /** The meaningful exception: ours if one is in the cause chain (EJB and reader wrappers removed). */
    private static Throwable unwrap(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BusinessException
                    || t instanceof BadRequestBodyException
                    || t instanceof OptimisticLockException
                    || t instanceof EJBAccessException) {
                return t;
            }
        }
        Throwable t = failure;
        while ((t instanceof EJBException || t instanceof ProcessingException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static String jsonDetail(Throwable cause) {
        String message = String.valueOf(cause.getMessage());
        if (message.contains("Unrecognized") || message.contains("unknown") || message.contains("Unknown")) {
            return "The request body has a field this resource does not know.";
        }
        return "The request body is not valid JSON for this resource (check field names and types).";
    }

    private static String reason(int status) {
        Response.Status s = Response.Status.fromStatusCode(status);
        return s == null ? "Client error" : s.getReasonPhrase();
    }

    private static String detail(int status) {
        return switch (status) {
            case 404 -> "There is no such resource.";
            case 405 -> "This HTTP method is not allowed on this resource.";
            case 406 -> "This resource answers application/json.";
            case 415 -> "The request body must be application/json.";
            default -> "The request was not understood.";
        };
    }
}
