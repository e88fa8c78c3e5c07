package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The operator's reset of a locked-out administrator (restart stage, because it locks the admin
 * out on purpose): the admin's password is changed and the account locked by failed logins, then
 * {@code tools/reset-admin.sh} on the server's data directory gives it a new password, and the
 * running server applies it within seconds — lockout cleared, the old password refused.
 */
class AdminResetIT extends RestartStage {

    @Test
    void theResetCommandLetsALockedOutAdminBackIn() throws Exception {
        start();
        try {
            String changed = Secrets.note("Anders!2026-" + Fixtures.unique(""));
            Fixtures.put("/api/admin/users/admin", "{\"password\":\"" + changed + "\"}");
            assertEquals(401, Http.get("/api/admin/licence", Http.admin()).status(), "the old password is gone");
            int status = 0;
            for (int i = 0; i < 6 && status != 429; i++) {
                status = Http.get("/api/admin/licence", Http.basic("admin", "Falsch!" + i))
                        .status();
            }
            assertEquals(429, status, "the admin is locked out");
            assertEquals(
                    429,
                    Http.get("/api/admin/licence", Http.basic("admin", changed)).status(),
                    "even with the right password");

            Tools.Result refused = reset("kurz");
            assertNotEquals(0, refused.exit(), refused.output());
            assertTrue(refused.output().contains("refused"), refused.output());

            Tools.Result done = reset(ItEnv.adminPassword());
            assertEquals(0, done.exit(), done.output());
            assertTrue(done.output().contains("lockouts cleared"), done.output());
            assertEquals(200, Http.get("/api/admin/licence", Http.admin()).status(), "back in at once");
            assertEquals(
                    401,
                    Http.get("/api/admin/licence", Http.basic("admin", changed)).status());
            assertTrue(
                    Http.get("/api/admin/events?type=ADMIN_RESET", Http.admin())
                                    .json()
                                    .getInt("total")
                            >= 1,
                    "the reset is in the event log");
            assertTrue(
                    Files.notExists(ItEnv.dataDir().resolve("admin-reset.request")),
                    "the request with the password is gone");
        } finally {
            stop();
        }
    }

    private static Tools.Result reset(String password) throws Exception {
        return Tools.run(
                "reset-admin.sh",
                Map.of("ERPCONNECT_ADMIN_PASSWORD", password),
                ItEnv.dataDir().toString());
    }
}
