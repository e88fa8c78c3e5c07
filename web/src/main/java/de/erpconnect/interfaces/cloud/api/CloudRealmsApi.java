package de.erpconnect.interfaces.cloud.api;

import de.erpconnect.interfaces.oauth.OAuthExceptionMapper;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/** The realms of the vendor cloud under {@code /cloud/realms}: OAuth errors as RFC 6749 §5.2 JSON. */
@ApplicationPath("/cloud/realms")
public class CloudRealmsApi extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(RealmEndpoints.class, OAuthExceptionMapper.class);
    }
}
