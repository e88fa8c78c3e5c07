package de.erpconnect.interfaces.cloud.api;

import de.erpconnect.interfaces.rest.ProblemMapper;
import de.erpconnect.interfaces.rest.RequestChecks;
import de.erpconnect.interfaces.rest.StrictJson;
import de.erpconnect.interfaces.rest.StrictJsonReader;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The cloud's REST API under {@code /cloud/api}, shaped like the admin API: the vendor's
 * invitations and LWA client (role {@code vendor}), an installation's platforms (its realm token)
 * and Amazon's callback (open: the signed {@code state} is its credential).
 */
@ApplicationPath("/cloud/api")
public class CloudApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                InvitationsResource.class,
                LwaClientResource.class,
                CloudPlatformsResource.class,
                AmazonCallbackResource.class,
                ProblemMapper.class,
                StrictJson.class,
                StrictJsonReader.class,
                RequestChecks.class);
    }
}
