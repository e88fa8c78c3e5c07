package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A user's browser over plain HTTP: keeps cookies, follows nothing by itself (each redirect is
 * checked), fills the FORM login, answers the consent page and submits Faces forms with their view
 * state.
 */
final class Browser {

    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(absolute(url))).GET());
    }

    HttpResponse<String> post(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(absolute(url)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Logs in through the FORM login and returns the redirect back to the page that asked. */
    HttpResponse<String> login(String user, String password) {
        HttpResponse<String> r = post("/j_security_check", Map.of("j_username", user, "j_password", password));
        assertEquals(302, r.statusCode(), r.body());
        return r;
    }

    /**
     * Answers the consent page at {@code consentUrl} as its form does: a plain post of the request
     * id with "Zulassen" (and "Entscheidung merken") or "Ablehnen".
     */
    HttpResponse<String> decide(String consentUrl, boolean allow) {
        return post(
                "/oauth2/consent",
                Map.of(
                        "request",
                        consentUrl.substring(consentUrl.indexOf("request=") + "request=".length()),
                        "decision",
                        allow ? "allow" : "deny",
                        "remember",
                        "on"));
    }

    static String location(HttpResponse<String> r) {
        return r.headers()
                .firstValue("Location")
                .orElseThrow(() -> new AssertionError("no redirect: " + r.statusCode()));
    }

    /** Submits a Faces form of the page by pressing the button with the given id. */
    HttpResponse<String> submit(HttpResponse<String> page, String formId, String buttonId, Map<String, String> extra) {
        String html = page.body();
        Matcher form = Pattern.compile("<form[^>]*id=\"" + Pattern.quote(formId) + "\"[^>]*action=\"([^\"]+)\"")
                .matcher(html);
        assertTrue(form.find(), "form " + formId + " on the page");
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>").matcher(html);
        while (hidden.find()) {
            String input = hidden.group();
            String name = attribute(input, "name");
            if (name != null) {
                fields.put(name, unescape(attribute(input, "value")));
            }
        }
        // what PrimeFaces' script adds to every submit of a page with a CSP nonce (checked on postback)
        Matcher nonce = Pattern.compile("<script[^>]*\\snonce=\"([^\"]+)\"").matcher(html);
        if (nonce.find()) {
            fields.put("primefaces.nonce", unescape(nonce.group(1)));
        }
        fields.put(formId + ":" + buttonId, "x");
        fields.putAll(extra);
        return post(unescape(form.group(1)), fields);
    }

    private static String attribute(String tag, String name) {
        Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
        return m.find() ? m.group(1) : null;
    }

    private static String unescape(String s) {
        return s == null
                ? ""
                : s.replace("&amp;", "&")
                        .replace("&quot;", "\"")
                        .replace("&lt;", "<")
                        .replace("&gt;", ">");
    }

    private static String absolute(String url) {
        return url.startsWith("http") ? url : ItEnv.baseUrl() + url;
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return client.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
