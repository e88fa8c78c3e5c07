package de.erpconnect.interfaces.oauth;

import de.erpconnect.application.token.DpopProofs;
import de.erpconnect.common.Jsonp;
import de.erpconnect.domain.token.AuthorizationPageException;
import de.erpconnect.domain.token.DpopNonceRequiredException;
import de.erpconnect.domain.token.OAuthError;
import de.erpconnect.domain.token.OAuthException;
import de.erpconnect.interfaces.http.ApiPaths;
import de.erpconnect.interfaces.http.BadRequestBodyException;
import de.erpconnect.interfaces.http.PageLanguage;
import de.erpconnect.interfaces.http.RequestPaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/**
 * The one mapping of failures to RFC 6749 §5.2 error responses: JSON {@code error} and
 * {@code error_description}, {@code Cache-Control: no-store}, and for {@code invalid_client} a 401
 * with a {@code WWW-Authenticate} challenge. The pages of the authorization in the user's browser
 * ({@code /oauth2/authorize}, {@code /oauth2/consent}) answer with a page instead. No stack trace
 * ever reaches the client.
 */
@Provider
public class OAuthExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(OAuthExceptionMapper.class);

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof AuthorizationPageException e) {
            return ErrorPage.response(400, e, PageLanguage.of(request));
        }
        boolean page = onPage();
        if (page && failure instanceof OAuthException e) {
            // the authorization endpoint redirects these; what is left is the page's own failure
            LOG.debugf("ERPC0101: authorization page refused: %s", e.getMessage());
            return ErrorPage.general(e.error().httpStatus(), PageLanguage.of(request));
        }
        if (page) {
            int status = failure instanceof BadRequestBodyException b
                    ? b.status()
                    : failure instanceof WebApplicationException w
                                    && w.getResponse().getStatus() < 500
                            ? w.getResponse().getStatus()
                            : 500;
            if (status == 500) {
                LOG.errorf(failure, "ERPC0100: unexpected failure at an OAuth endpoint");
            }
            return ErrorPage.general(status, PageLanguage.of(request));
        }
        if (failure instanceof DpopNonceRequiredException e) {
            return Response.fromResponse(error(e.error(), e.getMessage()))
                    .header(DpopProofs.NONCE_HEADER, e.nonce())
                    .build();
        }
        if (failure instanceof OAuthException e) {
            Response response = error(e.error(), e.getMessage());
            return e.retryAfterSeconds() > 0
                    ? Response.fromResponse(response)
                            .header("Retry-After", e.retryAfterSeconds())
                            .build()
                    : response;
        }
        if (failure instanceof BadRequestBodyException e) {
            return build(e.status(), e.status() == 413 ? "invalid_request" : "invalid_request", e.getMessage());
        }
        if (failure instanceof WebApplicationException e && e.getResponse().getStatus() < 500) {
            int status = e.getResponse().getStatus();
            return build(status, "invalid_request", describe(status));
        }
        LOG.errorf(failure, "ERPC0100: unexpected failure at an OAuth endpoint");
        return error(OAuthError.SERVER_ERROR, "The server could not handle the request.");
    }

    /**
     * Whether the failed request came from a page of the authorization in the browser. A token
     * request may fail on the thread that committed its refresh rotation, where there is no request
     * to ask: those are API requests.
     */
    private boolean onPage() {
        try {
            return !ApiPaths.isApi(RequestPaths.of(request));
        } catch (RuntimeException noRequest) {
            return false;
        }
    }

    static Response error(OAuthError error, String description) {
        Response response = build(error.httpStatus(), error.code(), description);
        if (error == OAuthError.INVALID_CLIENT) {
            return Response.fromResponse(response)
                    .header("WWW-Authenticate", "Basic realm=\"ERP Connect\"")
                    .build();
        }
        return response;
    }

    private static Response build(int status, String code, String description) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .entity(Jsonp.JSON
                        .createObjectBuilder()
                        .add("error", code)
                        .add("error_description", description)
                        .build()
                        .toString())
                .build();
    }

    private static String describe(int status) {
        return switch (status) {
            case 404 -> "There is no such OAuth endpoint.";
            case 405 -> "This HTTP method is not allowed here.";
            case 406 -> "This endpoint answers application/json only.";
            case 415 -> "The request body must be application/x-www-form-urlencoded.";
            default -> "The request is invalid.";
        };
    }
}
