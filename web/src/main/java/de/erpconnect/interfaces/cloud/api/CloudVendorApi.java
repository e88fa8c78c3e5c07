package de.erpconnect.interfaces.cloud.api;

import de.erpconnect.interfaces.rest.ProblemMapper;
import de.erpconnect.interfaces.rest.RequestChecks;
import de.erpconnect.interfaces.rest.StrictJson;
import de.erpconnect.interfaces.rest.StrictJsonReader;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The vendor's REST API under {@code /cloud/api} (role {@code vendor}), shaped like the admin API. */
@ApplicationPath("/cloud/api")
public class CloudVendorApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                InvitationsResource.class,
                ProblemMapper.class,
                StrictJson.class,
                StrictJsonReader.class,
                RequestChecks.class);
    }
}
