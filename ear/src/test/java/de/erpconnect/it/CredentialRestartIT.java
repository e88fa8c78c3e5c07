package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The restart stage (a failsafe execution of its own, after the suite): what was committed before a
 * restart is there after it, and secrets at rest still decrypt — the master key comes from the
 * credential store in the data directory, not from memory.
 */
class CredentialRestartIT extends RestartStage {

    @Test
    void credentialsAndTokensSurviveARestart() {
        start();
        String user = Fixtures.graphqlUser();
        JsonObject app = Fixtures.application(user, List.of("graphql"), 3600);
        String token = Fixtures.token(app);
        int number = AccessCredentialsIT.credentialFor(app);
        assertTrue(AccessCredentialsIT.test(number).getBoolean("ok"));
        stop();

        start();
        try {
            JsonObject result = AccessCredentialsIT.test(number);
            assertTrue(result.getBoolean("ok"), "the secret decrypts after the restart: " + result);
            Http.Res gql = Http.graphql(token, GraphqlAccessIT.QUERY);
            assertEquals(200, gql.status(), "a token issued before the restart still verifies: " + gql.body());
            assertEquals(
                    user,
                    Http.get("/api/admin/users/" + user, Http.admin()).json().getString("login"));
        } finally {
            stop();
        }
    }
}
