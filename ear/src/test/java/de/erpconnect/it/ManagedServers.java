package de.erpconnect.it;

import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.extension.ExtendWith;

/** Base of the stages whose tests start, stop and kill their WildFly servers themselves. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class ManagedServers {

    @ArquillianResource
    ContainerController controller;

    @ArquillianResource
    Deployer deployer;
}
