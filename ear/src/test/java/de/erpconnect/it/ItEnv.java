package de.erpconnect.it;

import java.io.File;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** Where the integration-test server is, as the failsafe configuration passes it. */
final class ItEnv {

    private ItEnv() {}

    /** The server as the tests call it: the issuer's host, so that cookies and redirects agree. */
    static String baseUrl() {
        return issuer();
    }

    /**
     * The issuer the server was started with (ERPCONNECT_PUBLIC_URL): the suite's server, or in the
     * cluster stage its node A ({@code it.cluster.issuer.port}, a name no command line sets).
     */
    static String issuer() {
        return "http://localhost:"
                + System.getProperty("it.cluster.issuer.port", System.getProperty("it.port.http", "8180"));
    }

    static String adminPassword() {
        return System.getProperty("it.admin.password");
    }

    static Path baseDir() {
        return Path.of(System.getProperty("it.base.dir"));
    }

    static Path dataDir() {
        return Path.of(System.getProperty("it.data.dir"));
    }

    /** The built EAR, exactly as shipped. */
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("it.ear")));
    }
}
