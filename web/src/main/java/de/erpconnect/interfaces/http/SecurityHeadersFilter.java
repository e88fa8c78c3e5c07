package de.erpconnect.interfaces.http;

import de.erpconnect.common.Settings;
import de.erpconnect.interfaces.security.RemoteAddresses;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;

/**
 * Headers every response carries (DESIGN §11): a Content-Security-Policy (pages cannot be framed,
 * forms go only to us and, on the pages of an authorization request, to the partner app's origin:
 * {@link ContentSecurityPolicy}), no MIME sniffing, no referrer. Faces pages get PrimeFaces' policy
 * with the nonce of their scripts (web.xml); this filter puts its form targets into that policy as
 * PrimeFaces writes it. In production, HSTS, and a plain-HTTP request is redirected to the same path
 * under the public https URL (a request that a trusted proxy forwarded from https,
 * {@code X-Forwarded-Proto: https}, counts as secure).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String CSP = "Content-Security-Policy";

    @Inject
    Settings settings;

    @Inject
    RemoteAddresses remoteAddresses;

    @Inject
    Instance<FormTargets> formTargets;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = RequestPaths.of(request);
        HttpServletResponse answer = response;
        if (ApiPaths.isApi(path)) {
            response.setHeader(CSP, ContentSecurityPolicy.POLICY);
        } else {
            // a page: a Faces page (also one reached as a welcome file: "/" is mapped to
            // "/index.xhtml") replaces this policy with PrimeFaces' own, which must then carry the
            // same form targets
            List<String> targets = path.endsWith(".xhtml") ? formTargets.get().of(request, path) : List.of();
            response.setHeader(CSP, ContentSecurityPolicy.allowingForms(ContentSecurityPolicy.POLICY, targets));
            answer = new PolicyResponse(response, targets);
            if (isPage(path)) {
                // the back button shows a page as it is now (an answered consent), never a copy of it
                response.setHeader("Cache-Control", "no-store");
            }
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        if (!settings.isDev()) {
            if (!request.isSecure() && !remoteAddresses.forwardedFromHttps(request)) {
                String query = request.getQueryString();
                response.setStatus(308);
                response.setHeader(
                        "Location",
                        settings.publicUrl().resolve(request.getRequestURI() + (query == null ? "" : "?" + query)));
                return;
            }
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        chain.doFilter(request, answer);
    }

    /** A page rather than a static resource (style sheets, scripts, images stay cacheable). */
    private static boolean isPage(String path) {
        return !path.startsWith("/jakarta.faces.resource/")
                && (path.endsWith(".xhtml") || path.endsWith("/") || path.equals("/admin"));
    }

    /**
     * The pages whose forms may lead elsewhere: for a partner app's authorization, the origin of its
     * redirect URI (implemented where the authorization requests are known).
     */
    public interface FormTargets {
        /** CSP source expressions besides {@code 'self'}; usually none. */
        List<String> of(HttpServletRequest request, String path);
    }

    /** Replaces our policy by PrimeFaces' (the same plus its script nonce), with the form targets. */
    private static final class PolicyResponse extends HttpServletResponseWrapper {

        private final List<String> targets;

        PolicyResponse(HttpServletResponse response, List<String> targets) {
            super(response);
            this.targets = targets;
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, policy(name, value));
        }

        @Override
        public void addHeader(String name, String value) {
            if (CSP.equalsIgnoreCase(name)) {
                super.setHeader(name, policy(name, value));
            } else {
                super.addHeader(name, value);
            }
        }

        private String policy(String name, String value) {
            return CSP.equalsIgnoreCase(name) && value != null
                    ? ContentSecurityPolicy.allowingForms(value, targets)
                    : value;
        }
    }
}
