package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The container-managed FORM login of the pages (DESIGN §10 "WAR security"): the German login
 * page, a new session id after login, the return to the requested page, roles from the user table
 * — and that a page session never authenticates the APIs (bearer only: no CSRF surface).
 */
@ExtendWith(ArquillianExtension.class)
class FormLoginIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return ItEnv.ear();
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()
                .send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<String> r) {
        return r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElse(null);
    }

    private static HttpResponse<String> login(String session, String user, String password) throws Exception {
        String body = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&j_password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(ItEnv.baseUrl() + "/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void pagesRedirectToTheLoginPageAndBackAfterLogin() throws Exception {
        HttpResponse<String> first = send(HttpRequest.newBuilder(URI.create(ItEnv.baseUrl() + "/admin/users?page=2"))
                .GET());
        assertEquals(302, first.statusCode());
        assertEquals(
                ItEnv.issuer() + "/login.xhtml",
                first.headers().firstValue("Location").orElseThrow());
        String session = cookie(first);
        assertNotNull(session);

        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(ItEnv.baseUrl() + "/login.xhtml"))
                .GET());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Benutzername") && page.body().contains("Passwort"));
        assertTrue(page.headers()
                .firstValue("Content-Security-Policy")
                .orElseThrow()
                .contains("frame-ancestors 'none'"));

        HttpResponse<String> wrong = login(session, "admin", "falsch-Passw0rt!");
        assertEquals(302, wrong.statusCode());
        // the login page again, still carrying the page the login continues to
        assertEquals(
                ItEnv.issuer() + "/login.xhtml?error=1&continue=%2Fadmin%2Fusers%3Fpage%3D2",
                wrong.headers().firstValue("Location").orElseThrow());

        HttpResponse<String> ok = login(session, "admin", ItEnv.adminPassword());
        assertEquals(302, ok.statusCode());
        assertEquals(
                ItEnv.issuer() + "/admin/users?page=2",
                ok.headers().firstValue("Location").orElseThrow(),
                "back to the requested page, under the public URL (never the Host header)");
        String newSession = cookie(ok);
        assertNotNull(newSession, "the session id changes at login");
        assertNotEquals(session, newSession);

        HttpResponse<String> after =
                send(HttpRequest.newBuilder(URI.create(ItEnv.baseUrl() + "/admin/users/index.xhtml"))
                        .header("Cookie", newSession)
                        .GET());
        assertEquals(200, after.statusCode(), "logged in: the page, no more redirect to the login page");
        assertNotEquals(401, after.statusCode());
        assertNotEquals(403, after.statusCode());

        HttpResponse<String> api = send(HttpRequest.newBuilder(URI.create(ItEnv.baseUrl() + "/api/admin/users"))
                .header("Cookie", newSession)
                .GET());
        assertEquals(401, api.statusCode(), "the APIs ignore page sessions");
    }

    @Test
    void usersWithoutTheAdminRoleAreForbiddenOnAdminPages() throws Exception {
        String user = Fixtures.graphqlUser();
        HttpResponse<String> first = send(
                HttpRequest.newBuilder(URI.create(ItEnv.baseUrl() + "/admin/")).GET());
        HttpResponse<String> ok = login(cookie(first), user, Fixtures.PASSWORD + user);
        assertEquals(302, ok.statusCode());
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(ItEnv.baseUrl() + "/admin/"))
                .header("Cookie", cookie(ok))
                .GET());
        assertEquals(403, page.statusCode());
    }
}
