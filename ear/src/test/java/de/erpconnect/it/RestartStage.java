package de.erpconnect.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/**
 * Base of the restart-stage tests on the suite's own server (same base and data directories, after
 * the suite): each starts and deploys it, and undeploys and stops it again.
 */
abstract class RestartStage extends ManagedServers {

    static final String CONTAINER = "wildfly-restart";
    static final String DEPLOYMENT = "erpconnect-restart";

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    @TargetsContainer(CONTAINER)
    static EnterpriseArchive ear() {
        return ItEnv.ear();
    }

    void start() {
        controller.start(CONTAINER);
        deployer.deploy(DEPLOYMENT);
    }

    void stop() {
        try {
            deployer.undeploy(DEPLOYMENT);
        } finally {
            controller.stop(CONTAINER);
        }
    }
}
