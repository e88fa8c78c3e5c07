package de.erpconnect.interfaces.rest;

import de.erpconnect.interfaces.rest.applications.ApplicationsResource;
import de.erpconnect.interfaces.rest.credentials.CredentialsResource;
import de.erpconnect.interfaces.rest.events.EventsResource;
import de.erpconnect.interfaces.rest.grants.GrantsResource;
import de.erpconnect.interfaces.rest.licence.LicenceResource;
import de.erpconnect.interfaces.rest.platforms.PlatformsResource;
import de.erpconnect.interfaces.rest.services.ServicesResource;
import de.erpconnect.interfaces.rest.users.UsersResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The REST APIs under {@code /api}; classes listed so that this API keeps its own providers. */
@ApplicationPath("/api")
public class AdminApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                UsersResource.class,
                ApplicationsResource.class,
                EventsResource.class,
                CredentialsResource.class,
                LicenceResource.class,
                GrantsResource.class,
                ServicesResource.class,
                PlatformsResource.class,
                ProblemMapper.class,
                StrictJson.class,
                StrictJsonReader.class,
                RequestChecks.class);
    }
}
