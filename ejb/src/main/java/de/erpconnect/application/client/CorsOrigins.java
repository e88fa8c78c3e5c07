package de.erpconnect.application.client;

import de.erpconnect.application.licence.LicenceDirectory;
import de.erpconnect.application.shared.ExpiringCache;
import de.erpconnect.domain.client.ClientApplication;
import de.erpconnect.domain.client.ClientApplicationRepository;
import de.erpconnect.domain.client.ClientType;
import de.erpconnect.domain.licence.Edition;
import de.erpconnect.domain.shared.RealmId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The browser origins allowed to call /graphql cross-origin (DESIGN §7): the https origins of the
 * redirect URIs of active public clients — single-page apps, which exist only on Enterprise. No
 * other origin gets CORS headers. Read at most every few seconds per node.
 */
@ApplicationScoped
public class CorsOrigins {

    static final long TTL_MILLIS = 5_000;

    @Inject
    ClientApplicationRepository applications;

    @Inject
    LicenceDirectory licences;

    private final ExpiringCache<String, Set<String>> cache = new ExpiringCache<>(TTL_MILLIS, 4);

    public boolean allows(String origin) {
        if (origin == null) {
            return false;
        }
        return cache.get("origins", k -> Optional.of(load()))
                .orElse(Set.of())
                .contains(origin.toLowerCase(Locale.ROOT));
    }

    Set<String> load() {
        if (licences.current().edition() != Edition.ENTERPRISE) {
            return Set.of();
        }
        Set<String> origins = new HashSet<>();
        for (ClientApplication app : applications.findActiveByType(RealmId.ERP, ClientType.PUBLIC)) {
            for (String uri : app.getRedirectUris()) {
                URI u = URI.create(uri);
                if ("https".equalsIgnoreCase(u.getScheme()) && u.getHost() != null) {
                    origins.add(("https://" + u.getHost() + (u.getPort() == -1 ? "" : ":" + u.getPort()))
                            .toLowerCase(Locale.ROOT));
                }
            }
        }
        return Set.copyOf(origins);
    }
}
