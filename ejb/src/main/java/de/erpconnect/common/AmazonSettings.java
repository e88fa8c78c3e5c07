package de.erpconnect.common;

import de.erpconnect.domain.amazon.AmazonCountry;
import de.erpconnect.domain.amazon.SellingRegion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the cloud meets Amazon (DESIGN §9): every Amazon and Login with Amazon host is
 * configuration, so that tests (and a sandbox) point them at a stand-in. Unset hosts are Amazon's
 * own: Seller Central per marketplace, {@code https://api.amazon.com/auth/o2/token}, the SP-API
 * endpoint per selling region.
 */
@ApplicationScoped
public class AmazonSettings {

    static final String LWA_TOKEN_URL = "https://api.amazon.com/auth/o2/token";

    /** The SP-API application id ({@code amzn1.sp.solution…}), not the LWA client id. */
    @Inject
    @ConfigProperty(name = "erpconnect.amazon.application-id")
    Optional<String> applicationId;

    /** While the application is a draft, the consent URL carries {@code version=beta}. */
    @Inject
    @ConfigProperty(name = "erpconnect.amazon.draft", defaultValue = "false")
    boolean draft;

    @Inject
    @ConfigProperty(name = "erpconnect.amazon.seller-central-url")
    Optional<String> sellerCentralUrl;

    @Inject
    @ConfigProperty(name = "erpconnect.amazon.lwa-token-url")
    Optional<String> lwaTokenUrl;

    @Inject
    @ConfigProperty(name = "erpconnect.amazon.sp-api-url")
    Optional<String> spApiUrl;

    /** How long a consent's {@code state} is accepted (default 10 minutes). */
    @Inject
    @ConfigProperty(name = "erpconnect.amazon.state-seconds", defaultValue = "600")
    int stateSeconds;

    @Inject
    Settings settings;

    public Optional<String> applicationId() {
        return applicationId.map(String::strip).filter(s -> !s.isEmpty());
    }

    public java.time.Duration stateLifetime() {
        return java.time.Duration.ofSeconds(Math.max(5, stateSeconds));
    }

    public boolean draft() {
        return draft;
    }

    public String sellerCentral(AmazonCountry country) {
        return sellerCentralUrl.map(AmazonSettings::trimSlash).orElse(country.sellerCentral());
    }

    public String lwaTokenUrl() {
        return lwaTokenUrl.map(String::strip).filter(s -> !s.isEmpty()).orElse(LWA_TOKEN_URL);
    }

    public String spApi(SellingRegion region) {
        return spApiUrl.map(AmazonSettings::trimSlash).orElse(region.spApiEndpoint());
    }

    /** The cloud's OAuth redirect URI, registered with the SP-API application. */
    public String redirectUri() {
        return settings.publicUrl().resolve("/cloud/api/amazon/callback");
    }

    private static String trimSlash(String url) {
        String s = url.strip();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
