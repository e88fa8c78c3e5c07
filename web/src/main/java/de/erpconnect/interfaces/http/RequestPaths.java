package de.erpconnect.interfaces.http;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The path of a request inside the application as the container maps it to a servlet and checks its
 * security constraints: decoded, with dot segments resolved and path parameters ({@code ;…})
 * removed. Every decision by path uses it — never the raw request URI, where {@code /api/../graphql}
 * would look like an API path while the container serves {@code /graphql}.
 */
public final class RequestPaths {

    private RequestPaths() {}

    public static String of(HttpServletRequest request) {
        String info = request.getPathInfo();
        return info == null ? request.getServletPath() : request.getServletPath() + info;
    }

    /**
     * A raw request path (as the error dispatch reports the failed request's) resolved like the
     * container does: percent escapes decoded ({@code +} stays), path parameters removed, dot
     * segments resolved; what would climb above the root stays at the root.
     */
    public static String normalized(String rawPath) {
        String decoded;
        try {
            decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            decoded = rawPath;
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : decoded.split("/", -1)) {
            int parameters = segment.indexOf(';');
            String name = parameters < 0 ? segment : segment.substring(0, parameters);
            if (name.equals("..")) {
                segments.pollLast();
            } else if (!name.isEmpty() && !name.equals(".")) {
                segments.addLast(name);
            }
        }
        boolean directory = decoded.endsWith("/") || decoded.endsWith("/.") || decoded.endsWith("/..");
        String path = "/" + String.join("/", segments);
        return directory && !segments.isEmpty() ? path + "/" : path;
    }
}
