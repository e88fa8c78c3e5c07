package de.erpconnect.interfaces.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoleGateTest {

    private static final List<String> ERP_PATHS = List.of(
            "/graphql",
            "/graphiql",
            "/oauth2/token",
            "/oauth2/authorize",
            "/api/admin/users",
            "/admin/",
            "/admin/users/index.xhtml",
            "/auth/consents.xhtml",
            "/login.xhtml",
            "/j_security_check",
            "/metrics",
            "/.well-known/oauth-authorization-server");

    private static final List<String> CLOUD_PATHS = List.of(
            "/cloud/login.xhtml",
            "/cloud/login",
            "/cloud/register.xhtml",
            "/cloud/portal/applications.xhtml",
            "/cloud/api/vendor/invitations",
            "/cloud/realms/1234/oauth2/token",
            "/cloud/realms/1234/api/account",
            "/.well-known/oauth-authorization-server/cloud/realms/1234");

    @Test
    void eachPathBelongsToItsPart() {
        ERP_PATHS.forEach(p -> assertEquals(RoleGate.Part.ERP, RoleGate.partOf(p), p));
        CLOUD_PATHS.forEach(p -> assertEquals(RoleGate.Part.CLOUD, RoleGate.partOf(p), p));
        assertEquals(RoleGate.Part.COMMON, RoleGate.partOf("/jakarta.faces.resource/cloud.css.xhtml"));
    }

    @Test
    void aRoleThatIsOffExposesNoneOfItsPaths() {
        ERP_PATHS.forEach(p -> assertFalse(RoleGate.allows(p, false, true), p));
        CLOUD_PATHS.forEach(p -> assertFalse(RoleGate.allows(p, true, false), p));
        ERP_PATHS.forEach(p -> assertTrue(RoleGate.allows(p, true, false), p));
        CLOUD_PATHS.forEach(p -> assertTrue(RoleGate.allows(p, false, true), p));
        assertTrue(RoleGate.allows("/jakarta.faces.resource/theme.css.xhtml", false, true));
    }
}
