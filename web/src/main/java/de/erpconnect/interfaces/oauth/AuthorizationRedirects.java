package de.erpconnect.interfaces.oauth;

import de.erpconnect.infrastructure.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Redirects back to the client (RFC 6749 §4.1.2, §4.1.2.1) with {@code iss} (RFC 9207), and the
 * pending requests of a session that wait for consent.
 */
@ApplicationScoped
public class AuthorizationRedirects {

    static final String SESSION_PENDING = "de.erpconnect.pendingAuthorizations";
    static final int MAX_PENDING = 5;

    @Inject
    Settings settings;

    private final SecureRandom random = new SecureRandom();

    public String success(String redirectUri, String code, String state) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", code);
        if (state != null) {
            params.put("state", state);
        }
        params.put("iss", settings.issuer());
        return append(redirectUri, params);
    }

    public String error(String redirectUri, String error, String description, String state) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        params.put("error_description", description);
        if (state != null) {
            params.put("state", state);
        }
        params.put("iss", settings.issuer());
        return append(redirectUri, params);
    }

    private static String append(String uri, Map<String, String> params) {
        StringBuilder sb = new StringBuilder(uri);
        char separator = uri.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            sb.append(separator)
                    .append(e.getKey())
                    .append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return sb.toString();
    }

    /** Keeps a request for the consent page; a session holds only a few at a time. */
    @SuppressWarnings("unchecked")
    public String keep(HttpSession session, PendingAuthorization.Builder builder) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        synchronized (session) {
            Map<String, PendingAuthorization> pending =
                    (Map<String, PendingAuthorization>) session.getAttribute(SESSION_PENDING);
            if (pending == null) {
                pending = new LinkedHashMap<>();
            }
            while (pending.size() >= MAX_PENDING) {
                pending.remove(pending.keySet().iterator().next());
            }
            pending.put(id, builder.build(id));
            session.setAttribute(SESSION_PENDING, pending);
        }
        return id;
    }

    /** Takes a pending request out of the session: each is answered once. */
    @SuppressWarnings("unchecked")
    public Optional<PendingAuthorization> take(HttpSession session, String id) {
        if (session == null || id == null) {
            return Optional.empty();
        }
        synchronized (session) {
            Map<String, PendingAuthorization> pending =
                    (Map<String, PendingAuthorization>) session.getAttribute(SESSION_PENDING);
            if (pending == null) {
                return Optional.empty();
            }
            PendingAuthorization p = pending.remove(id);
            session.setAttribute(SESSION_PENDING, pending);
            return Optional.ofNullable(p);
        }
    }

    /** Looks at a pending request without answering it (to show the consent page). */
    @SuppressWarnings("unchecked")
    public Optional<PendingAuthorization> peek(HttpSession session, String id) {
        if (session == null || id == null) {
            return Optional.empty();
        }
        Map<String, PendingAuthorization> pending =
                (Map<String, PendingAuthorization>) session.getAttribute(SESSION_PENDING);
        return pending == null ? Optional.empty() : Optional.ofNullable(pending.get(id));
    }
}
