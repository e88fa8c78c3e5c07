package de.erpconnect.interfaces.oauth;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** RFC 8615 well-known URIs: the authorization server metadata (RFC 8414). */
@ApplicationPath("/.well-known")
public class WellKnownApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(DiscoveryEndpoint.class, OAuthExceptionMapper.class);
    }
}
