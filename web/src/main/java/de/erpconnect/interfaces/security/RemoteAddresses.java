package de.erpconnect.interfaces.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The client's address for throttling and the event log. {@code X-Forwarded-For} is believed only
 * when the direct peer is a configured trusted proxy ({@code ERPCONNECT_TRUSTED_PROXIES}, a comma
 * list of addresses); the right-most untrusted hop is the client (DESIGN §6).
 */
@ApplicationScoped
public class RemoteAddresses {

    @Inject
    @ConfigProperty(name = "erpconnect.trusted-proxies", defaultValue = " ")
    String trustedProxiesValue;

    private Set<String> trusted;

    private Set<String> trusted() {
        if (trusted == null) {
            trusted = Arrays.stream(trustedProxiesValue.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
        }
        return trusted;
    }

    /** Whether a trusted proxy says the client spoke https to it. */
    public boolean forwardedFromHttps(HttpServletRequest request) {
        return trusted().contains(request.getRemoteAddr())
                && "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
    }

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !trusted().contains(peer)) {
            return peer;
        }
        List<String> hops =
                Arrays.stream(forwarded.split(",")).map(String::trim).toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!trusted().contains(hop)) {
                return hop.length() > 64 ? hop.substring(0, 64) : hop;
            }
        }
        return peer;
    }
}
