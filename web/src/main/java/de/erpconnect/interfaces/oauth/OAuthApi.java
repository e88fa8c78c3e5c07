package de.erpconnect.interfaces.oauth;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The OAuth endpoints under {@code /oauth2}; classes listed so that each protocol keeps its own error mapping. */
@ApplicationPath("/oauth2")
public class OAuthApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                TokenEndpoint.class,
                AuthorizationEndpoint.class,
                ConsentEndpoint.class,
                RevocationEndpoint.class,
                IntrospectionEndpoint.class,
                PushedAuthorizationEndpoint.class,
                JwksEndpoint.class,
                OAuthExceptionMapper.class);
    }
}
