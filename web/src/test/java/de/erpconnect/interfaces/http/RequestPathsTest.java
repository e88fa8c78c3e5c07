package de.erpconnect.interfaces.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RequestPathsTest {

    @Test
    void resolvesDotSegmentsAsTheContainerDoes() {
        assertEquals("/graphql", RequestPaths.normalized("/api/../graphql"));
        assertEquals("/api/x", RequestPaths.normalized("/admin/./../api/x"));
        assertEquals("/graphql", RequestPaths.normalized("/../../graphql"));
        assertEquals("/admin/", RequestPaths.normalized("/admin/users/.."));
    }

    @Test
    void decodesPercentEscapesButNotPlus() {
        assertEquals("/api/x", RequestPaths.normalized("/admin/%2e%2e/api/x"));
        assertEquals("/a+b", RequestPaths.normalized("/a+b"));
        assertEquals("/a b", RequestPaths.normalized("/a%20b"));
    }

    @Test
    void dropsPathParameters() {
        assertEquals("/graphql", RequestPaths.normalized("/api/..;x=y/graphql"));
        assertEquals("/admin/index.xhtml", RequestPaths.normalized("/admin/index.xhtml;jsessionid=abc"));
    }

    @Test
    void keepsAPlainPathAsItIs() {
        assertEquals("/", RequestPaths.normalized("/"));
        assertEquals("/api/admin/users", RequestPaths.normalized("/api/admin/users"));
        assertEquals("/cloud/", RequestPaths.normalized("/cloud/"));
    }
}
