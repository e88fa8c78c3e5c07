package de.erpconnect.interfaces.oauth;

import de.erpconnect.common.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Redirects back to the client (RFC 6749 §4.1.2, §4.1.2.1) with {@code iss} (RFC 9207), and the
 * requests of a session that wait for consent or were just answered.
 */
@ApplicationScoped
public class AuthorizationRedirects {

    static final String SESSION_PENDING = "de.erpconnect.pendingAuthorizations";
    static final String SESSION_ANSWERED = "de.erpconnect.answeredAuthorizations";
    /** As long as the code lives (AuthorizationService.CODE_LIFETIME). */
    static final Duration REPLAY_TIME = Duration.ofSeconds(60);

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
    public String keep(HttpSession session, PendingAuthorization.Builder builder) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Map<String, PendingAuthorization> pending = map(session, SESSION_PENDING);
        PendingAuthorization request = builder.build(id);
        pending.put(id, request);
        while (pending.size() > MAX_PENDING) {
            pending.values().stream()
                    .min(Comparator.comparing(PendingAuthorization::createdAt))
                    .ifPresent(oldest -> pending.remove(oldest.id()));
        }
        return id;
    }

    /**
     * Ends a pending request: it was answered and sent the browser to {@code location}. The
     * location is kept for as long as the request's code lives: a second "Zulassen" (the browser
     * dropped the first answer when the button was clicked twice) is sent to the same place with
     * the same code, so the flow finishes once.
     */
    public void answered(HttpSession session, String id, String location) {
        Map<String, Answer> answers = map(session, SESSION_ANSWERED);
        Instant now = Instant.now();
        answers.values().removeIf(a -> a.until().isBefore(now));
        answers.put(id, new Answer(location, now.plus(REPLAY_TIME)));
        map(session, SESSION_PENDING).remove(id);
    }

    /**
     * A pending request of the session, unless it is unknown, answered or older than the login
     * timeout. It stays pending until {@link #answered}: two answers of one session may run at once
     * (a double click), and the database, not the session, keeps one code per request
     * ({@code AuthorizationService.approve}).
     */
    public Optional<PendingAuthorization> peek(HttpSession session, String id) {
        if (session == null || id == null) {
            return Optional.empty();
        }
        Map<String, PendingAuthorization> pending = map(session, SESSION_PENDING);
        return Optional.ofNullable(pending.get(id)).filter(r -> !r.expired(Instant.now(), settings.loginTimeout()));
    }

    /** Where an answered request sent the browser, while that is still worth repeating. */
    public Optional<String> answer(HttpSession session, String id) {
        if (session == null || id == null) {
            return Optional.empty();
        }
        Map<String, Answer> answers = map(session, SESSION_ANSWERED);
        Answer answer = answers.get(id);
        return answer == null || answer.until().isBefore(Instant.now())
                ? Optional.empty()
                : Optional.of(answer.location());
    }

    /**
     * A map of the session that requests of the same session may use at the same time (a double
     * click sends two): concurrent maps, because each request sees its own session object.
     */
    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(HttpSession session, String name) {
        Object map = session.getAttribute(name);
        if (map == null) {
            map = new ConcurrentHashMap<String, V>();
            session.setAttribute(name, map);
        }
        return (Map<String, V>) map;
    }

    private record Answer(String location, Instant until) implements Serializable {}
}
