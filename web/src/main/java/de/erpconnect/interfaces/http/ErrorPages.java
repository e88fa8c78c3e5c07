package de.erpconnect.interfaces.http;

import de.erpconnect.common.Jsonp;
import de.erpconnect.domain.shared.PrintableText;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The body of every error answer the container writes (web.xml maps all of them here): the
 * refusals of the authentication (which sets only status, headers and the two request attributes
 * below, see {@code MultiAuthMechanism}), a missing page, a failure nobody handled. On API paths
 * ({@link ApiPaths}) it is JSON {@code {"error", "error_description"}} for every status; on pages
 * it is a page in the product's style and the browser's language that says what happened and what
 * to do. Never a stack trace: an unhandled failure is logged with an incident id, and the page
 * names only that id.
 *
 * <p>The mechanism's refusals are answered here rather than written by the mechanism: once (in CI)
 * the container found an exchange incomplete after the mechanism had committed its own answer, and
 * its {@code sendError} hit the committed response ("UT010019: Response already commited").
 */
@WebServlet(urlPatterns = ErrorPages.PATH)
public class ErrorPages extends HttpServlet {

    public static final String PATH = "/error";
    /** The OAuth/RFC 6750 error code a refusal answers with (API paths). */
    public static final String ERROR = "de.erpconnect.refusal.error";
    /** Its description. */
    public static final String DESCRIPTION = "de.erpconnect.refusal.description";

    /**
     * Set by the authentication for a page's AJAX request that must log in first: the answer is a
     * Faces partial response that sends the page to this login URL.
     */
    public static final String PARTIAL_REDIRECT = "de.erpconnect.refusal.partialRedirect";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ErrorPages.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Statuses with texts of their own; all others get the general ones. */
    private static final Set<Integer> DESCRIBED = Set.of(400, 401, 403, 404, 405, 409, 413, 429, 500, 503);

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            // only the container's error dispatch comes here; the page itself is no address
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (request.getAttribute(PARTIAL_REDIRECT) instanceof String login) {
            // Faces' script follows a redirect only when it comes as a partial response (status 200)
            response.setStatus(HttpServletResponse.SC_OK);
            response.setHeader("Cache-Control", "no-store");
            write(
                    response,
                    "text/xml",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                            + MessagePage.escape(login) + "\"></redirect></partial-response>");
            return;
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = RequestPaths.normalized((uri instanceof String u ? u : request.getRequestURI())
                .substring(request.getContextPath().length()));
        int status = response.getStatus();
        String incident = null;
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            incident = HexFormat.of().formatHex(bytes());
            // the container logged the failure with its stack trace just before; this names the incident
            LOG.errorf(
                    "ERPC0900: unexpected failure answered with %d on %s %s (incident %s): %s",
                    status < 500 ? 500 : status,
                    request.getMethod(),
                    PrintableText.of(path.length() > 200 ? path.substring(0, 200) : path),
                    incident,
                    failure.getClass().getName());
            if (status < 500) {
                status = 500;
                response.setStatus(status);
            }
        }
        response.setHeader("Cache-Control", "no-store");
        if (ApiPaths.isApi(path)) {
            json(request, response, status);
        } else {
            page(request, response, status, incident);
        }
    }

    private static byte[] bytes() {
        byte[] id = new byte[4];
        RANDOM.nextBytes(id);
        return id;
    }

    private static void json(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
        String error = request.getAttribute(ERROR) instanceof String e ? e : code(status);
        String description = request.getAttribute(DESCRIPTION) instanceof String d ? d : description(status);
        write(
                response,
                "application/json",
                Jsonp.JSON
                        .createObjectBuilder()
                        .add("error", error)
                        .add("error_description", description)
                        .build()
                        .toString());
    }

    private static void page(HttpServletRequest request, HttpServletResponse response, int status, String incident)
            throws IOException {
        write(response, "text/html", html(PageLanguage.of(request), status, incident));
    }

    /**
     * The page of an error status in {@code language}: what happened and what to do, a link to the
     * start page; for a failure of ours ({@code incident} not null) only the incident id.
     */
    public static String html(Locale language, int status, String incident) {
        PageTexts texts = PageTexts.of(language);
        String key = "error." + (DESCRIBED.contains(status) ? String.valueOf(status) : status >= 500 ? "500" : "400");
        String lead = incident == null ? texts.get(key + ".text") : texts.get("error.incident", incident);
        return MessagePage.html(language, texts.get(key + ".title"), lead, null, texts.get("error.home"));
    }

    private static void write(HttpServletResponse response, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentType(type);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static String code(int status) {
        return switch (status) {
            case 400 -> "invalid_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 413 -> "request_too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "slow_down";
            case 503 -> "temporarily_unavailable";
            default -> status >= 500 ? "server_error" : "invalid_request";
        };
    }

    private static String description(int status) {
        return switch (status) {
            case 400 -> "The request is invalid.";
            case 401 -> "Authentication is required.";
            case 403 -> "You may not do this.";
            case 404 -> "There is nothing here.";
            case 405 -> "This HTTP method is not allowed here.";
            case 406 -> "This resource cannot answer in the requested format.";
            case 409 -> "The request conflicts with the current state.";
            case 413 -> "The request body is too large.";
            case 415 -> "The request body has an unsupported media type.";
            case 429 -> "Too many requests; retry later.";
            case 503 -> "The service is temporarily unavailable; retry later.";
            default -> status >= 500 ? "The server could not handle the request." : "The request is invalid.";
        };
    }
}
