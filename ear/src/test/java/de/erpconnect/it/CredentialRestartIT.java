package de.erpconnect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The restart stage (a failsafe execution of its own, after the suite): what was committed before a
 * restart is there after it, and secrets at rest still decrypt — the master key comes from the
 * credential store in the data directory, not from memory.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CredentialRestartIT {

    static final String CONTAINER = "wildfly-restart";
    static final String DEPLOYMENT = "erpconnect";

    @ArquillianResource
    ContainerController controller;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    @TargetsContainer(CONTAINER)
    static EnterpriseArchive ear() {
        return ItEnv.ear();
    }

    private void start() {
        controller.start(CONTAINER);
        deployer.deploy(DEPLOYMENT);
    }

    private void stop() {
        deployer.undeploy(DEPLOYMENT);
        controller.stop(CONTAINER);
    }

    @Test
    void credentialsAndTokensSurviveARestart() {
        start();
        String user = Fixtures.graphqlUser();
        JsonObject app = Fixtures.application(user, List.of("graphql"), 3600);
        String token = Fixtures.token(app);
        Http.Res created = Http.json(
                "POST",
                "/api/admin/credentials",
                Http.admin(),
                AccessCredentialsIT.credential(
                        "MICROTECH_CLOUD", false, app.getString("clientId"), app.getString("clientSecret")));
        assertEquals(201, created.status(), created.body());
        int number = created.json().getInt("number");
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
