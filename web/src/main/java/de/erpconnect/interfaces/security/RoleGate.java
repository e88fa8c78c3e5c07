package de.erpconnect.interfaces.security;

/**
 * Which part of the product a path belongs to (DESIGN §9): the ERP installation's endpoints, the
 * vendor cloud's, or neither (static resources). A part whose role is off answers 404 for every
 * one of its paths — before any authentication, so not even a 401 tells that it exists.
 */
final class RoleGate {

    enum Part {
        ERP,
        CLOUD,
        COMMON
    }

    private RoleGate() {}

    static Part partOf(String path) {
        if (path.equals("/cloud")
                || path.startsWith("/cloud/")
                || path.startsWith("/.well-known/oauth-authorization-server/cloud/")) {
            return Part.CLOUD;
        }
        if (path.equals("/graphql")
                || path.startsWith("/graphql/")
                || path.equals("/graphiql")
                || path.startsWith("/graphiql-ui/")
                || path.startsWith("/oauth2/")
                || path.equals("/api")
                || path.startsWith("/api/")
                || path.equals("/admin")
                || path.startsWith("/admin/")
                || path.startsWith("/auth/")
                || path.equals("/login.xhtml")
                || path.equals("/j_security_check")
                || path.equals("/metrics")
                || path.startsWith("/.well-known/")) {
            return Part.ERP;
        }
        return Part.COMMON;
    }

    static boolean allows(String path, boolean erpRole, boolean cloudRole) {
        return switch (partOf(path)) {
            case ERP -> erpRole;
            case CLOUD -> cloudRole;
            case COMMON -> true;
        };
    }
}
