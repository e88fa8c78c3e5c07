import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prepares the token pools that bench/refresh.lua and bench/introspect.lua drive with wrk:
 *
 *   refresh N FILE — N refresh tokens, each from its own authorization-code grant (one login and a
 *                    remembered consent, then PKCE code exchanges), one chain per wrk connection;
 *   access N FILE  — N distinct client-credentials access tokens for introspection.
 *
 * java bench/BenchTokens.java MODE BASE_URL CLIENT_ID CLIENT_SECRET USER PASSWORD N FILE
 */
public class BenchTokens {

    static HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] a) throws Exception {
        String mode = a[0], base = a[1], clientId = a[2], secret = a[3], user = a[4], password = a[5];
        int n = Integer.parseInt(a[6]);
        String basic = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        List<String> tokens = switch (mode) {
            case "refresh" -> refreshTokens(base, clientId, basic, user, password, n);
            case "access" -> accessTokens(base, basic, n);
            default -> throw new IllegalArgumentException("mode must be refresh or access");
        };
        if (tokens.size() != n || tokens.stream().distinct().count() != n) {
            throw new IllegalStateException("expected " + n + " distinct tokens, got " + tokens.size());
        }
        Files.write(Path.of(a[7]), tokens);
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static List<String> accessTokens(String base, String basic, int n) throws Exception {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                    .header("Authorization", basic).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String token = field(r.body(), "access_token");
            if (r.statusCode() != 200 || token == null) {
                throw new IllegalStateException("token request failed: HTTP " + r.statusCode());
            }
            tokens.add(token);
        }
        return tokens;
    }

    /** One login and consent, then one authorization-code exchange per chain (the consent is remembered). */
    static List<String> refreshTokens(String base, String clientId, String basic, String user, String password, int n)
            throws Exception {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
        String redirect = "https://bench.example.com/cb";
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] v = new byte[32];
            new SecureRandom().nextBytes(v);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(v);
            String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            String authorize = base + "/oauth2/authorize?response_type=code&client_id=" + clientId
                    + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8)
                    + "&scope=graphql%20offline_access&code_challenge=" + challenge + "&code_challenge_method=S256";
            HttpResponse<String> r = get(browser, authorize);
            if (r.statusCode() == 302 && location(r).contains("/login.xhtml")) {
                r = post(browser, base + "/j_security_check", "j_username=" + user + "&j_password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8));
                r = get(browser, location(r));
            }
            if (location(r).contains("/auth/consent.xhtml")) {
                HttpResponse<String> page = get(browser, location(r));
                String html = page.body();
                Matcher action = Pattern.compile("<form[^>]*id=\"consent\"[^>]*action=\"([^\"]+)\"").matcher(html);
                Matcher req = Pattern.compile("name=\"request\" value=\"([^\"]+)\"").matcher(html);
                if (!action.find() || !req.find()) {
                    throw new IllegalStateException("consent page not understood");
                }
                String target = action.group(1).replace("&amp;", "&");
                r = post(browser, base.replaceAll("(https?://[^/]+).*", "$1") + target, "request="
                        + URLEncoder.encode(req.group(1), StandardCharsets.UTF_8) + "&remember=on&decision=allow");
            }
            if (!location(r).startsWith(redirect + "?")) {
                throw new IllegalStateException("authorization did not return to the application: HTTP " + r.statusCode());
            }
            String code = location(r).replaceAll(".*[?&]code=([^&]+).*", "$1");
            HttpResponse<String> t = http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                    .header("Authorization", basic).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code
                            + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8)
                            + "&code_verifier=" + verifier)).build(), HttpResponse.BodyHandlers.ofString());
            String refresh = field(t.body(), "refresh_token");
            if (refresh == null) {
                throw new IllegalStateException("no refresh token: " + t.body());
            }
            tokens.add(refresh);
        }
        return tokens;
    }

    static String location(HttpResponse<String> r) {
        return r.headers().firstValue("Location").orElse("");
    }

    static HttpResponse<String> get(HttpClient c, String url) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(HttpClient c, String url, String form) throws Exception {
        return c.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
