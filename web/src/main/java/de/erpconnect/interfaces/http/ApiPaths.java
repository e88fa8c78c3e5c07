package de.erpconnect.interfaces.http;

/**
 * Which paths are APIs (their callers are programs: every answer is JSON, whatever the status) and
 * which are pages (a person's browser: every answer is a page in the product's style). The OAuth
 * authorization endpoint and the consent decision are pages although they live under
 * {@code /oauth2}, and so is the cloud's Amazon callback under {@code /cloud/api}: the user's
 * browser goes there.
 */
public final class ApiPaths {

    private ApiPaths() {}

    /** {@code path} without the context root. */
    public static boolean isApi(String path) {
        if (path.startsWith("/oauth2/")) {
            return !path.equals("/oauth2/authorize") && !path.equals("/oauth2/consent");
        }
        if (path.equals("/cloud/api/amazon/callback")) {
            return false;
        }
        return path.startsWith("/api/")
                || path.equals("/api")
                || path.equals("/graphql")
                || path.startsWith("/graphql/")
                || path.startsWith("/cloud/api/")
                || path.startsWith("/cloud/realms/")
                || path.startsWith("/.well-known/")
                || path.equals("/openapi")
                || path.startsWith("/openapi/")
                || path.equals("/metrics")
                || path.startsWith("/health");
    }
}
