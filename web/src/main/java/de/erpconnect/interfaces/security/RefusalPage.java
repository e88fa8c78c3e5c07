package de.erpconnect.interfaces.security;

import de.erpconnect.infrastructure.json.Jsonp;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The body of the authentication's refusals (401, 403, 404, 429; web.xml maps these error codes
 * here). {@link MultiAuthMechanism} only sets the status, the headers and the two request
 * attributes below and refuses; the container then answers through its error dispatch at the end
 * of the request, on the one path every servlet response takes. A refusal that the mechanism wrote
 * and committed itself was right only if the container found the exchange complete afterwards;
 * once (in CI) it did not, and its {@code sendError} hit the committed response ("UT010019:
 * Response already commited"). Now nothing is committed before the container's own
 * {@code sendError}.
 *
 * <p>Error answers with these codes that are not the mechanism's (an authenticated caller without
 * the role a security constraint needs, a missing static file) get the same small HTML page the
 * container writes when no error page is mapped.
 */
@WebServlet(urlPatterns = RefusalPage.PATH)
public class RefusalPage extends HttpServlet {

    static final String PATH = "/refusal";
    static final String ERROR = "de.erpconnect.refusal.error";
    static final String DESCRIPTION = "de.erpconnect.refusal.description";

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            // only the container's error dispatch comes here
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Object error = request.getAttribute(ERROR);
        Object description = request.getAttribute(DESCRIPTION);
        if (error instanceof String e && description instanceof String d) {
            byte[] body = Jsonp.JSON
                    .createObjectBuilder()
                    .add("error", e)
                    .add("error_description", d)
                    .build()
                    .toString()
                    .getBytes(StandardCharsets.UTF_8);
            write(response, "application/json", body);
            return;
        }
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        String text = message instanceof String m && !m.isEmpty() ? m : "Error " + response.getStatus();
        write(
                response,
                "text/html",
                ("<html><head><title>Error</title></head><body>" + escape(text) + "</body></html>")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static void write(HttpServletResponse response, String type, byte[] body) throws IOException {
        response.setContentType(type);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
