package de.erpconnect.common;

import de.erpconnect.domain.shared.RealmId;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The deployment's settings, read once. Every value can come from an environment variable
 * ({@code erpconnect.public-url} = {@code ERPCONNECT_PUBLIC_URL}) or a system property.
 */
@ApplicationScoped
public class Settings {

    static final String DEV_PUBLIC_URL = "https://localhost:8443";

    @Inject
    @ConfigProperty(name = "erpconnect.mode", defaultValue = "prod")
    String modeName;

    @Inject
    @ConfigProperty(name = "erpconnect.public-url")
    Optional<String> publicUrlValue;

    @Inject
    @ConfigProperty(name = "erpconnect.admin-password")
    Optional<String> initialAdminPassword;

    @Inject
    @ConfigProperty(name = "erpconnect.credential-store", defaultValue = "erpconnect-keys.cs")
    String credentialStoreFile;

    @Inject
    @ConfigProperty(name = "erpconnect.licence.test-reset", defaultValue = "false")
    boolean licenceTestReset;

    @Inject
    @ConfigProperty(name = "erpconnect.oauth.refresh-retry-grace-seconds", defaultValue = "10")
    int refreshRetryGraceSeconds;

    @Inject
    @ConfigProperty(name = "erpconnect.oauth.login-timeout-seconds", defaultValue = "600")
    int loginTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "erpconnect.oauth.par-seconds", defaultValue = "60")
    int parSeconds;

    @Inject
    @ConfigProperty(name = "erpconnect.event-log.retention-days", defaultValue = "365")
    int eventRetentionDays;

    @Inject
    @ConfigProperty(name = "erpconnect.cluster", defaultValue = "false")
    boolean cluster;

    @Inject
    @ConfigProperty(name = "erpconnect.vendor-password")
    Optional<String> initialVendorPassword;

    /** Which parts run here (DESIGN §9): {@code erp}, {@code cloud} or both, comma-separated. */
    @Inject
    @ConfigProperty(name = "erpconnect.roles", defaultValue = "erp")
    String rolesValue;

    /** The vendor cloud's base URL as the ERP side calls it; this server's own URL when unset. */
    @Inject
    @ConfigProperty(name = "erpconnect.cloud-url")
    Optional<String> cloudUrlValue;

    @Inject
    @ConfigProperty(name = "erpconnect.cloud.invitation-days", defaultValue = "14")
    int invitationDays;

    private Mode mode;
    private boolean erpRole;
    private boolean cloudRole;
    private PublicUrl cloudUrl;
    private PublicUrl publicUrl;

    @PostConstruct
    void init() {
        try {
            mode = Mode.valueOf(modeName.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ERPCONNECT_MODE must be 'dev' or 'prod' (got '" + modeName + "').");
        }
        String url = publicUrlValue.filter(s -> !s.isBlank()).orElse(mode == Mode.DEV ? DEV_PUBLIC_URL : null);
        publicUrl = PublicUrl.parse(url, mode);
        for (String role : rolesValue.split(",")) {
            switch (role.strip().toLowerCase(Locale.ROOT)) {
                case "erp" -> erpRole = true;
                case "cloud" -> cloudRole = true;
                case "" -> {}
                default ->
                    throw new IllegalStateException(
                            "ERPCONNECT_ROLES lists 'erp', 'cloud' or both (got '" + rolesValue + "').");
            }
        }
        if (!erpRole && !cloudRole) {
            throw new IllegalStateException("ERPCONNECT_ROLES must name at least one role: erp, cloud.");
        }
        cloudUrl =
                cloudUrlValue.filter(s -> !s.isBlank()).map(this::parseCloudUrl).orElse(publicUrl);
        if (invitationDays < 1 || invitationDays > 30) {
            throw new IllegalStateException(
                    "ERPCONNECT_CLOUD_INVITATION_DAYS must be 1 to 30 (got " + invitationDays + ").");
        }
        if (eventRetentionDays < 1) {
            throw new IllegalStateException(
                    "ERPCONNECT_EVENT_LOG_RETENTION_DAYS must be at least 1 (got " + eventRetentionDays + ").");
        }
    }

    private PublicUrl parseCloudUrl(String raw) {
        try {
            return PublicUrl.parse(raw, mode);
        } catch (IllegalStateException e) {
            throw new IllegalStateException(
                    "ERPCONNECT_CLOUD_URL: " + e.getMessage().replace("ERPCONNECT_PUBLIC_URL", "the cloud URL"));
        }
    }

    public Mode mode() {
        return mode;
    }

    public boolean isDev() {
        return mode == Mode.DEV;
    }

    public PublicUrl publicUrl() {
        return publicUrl;
    }

    /** The issuer of the ERP realm: the bare public URL (DESIGN §2). */
    public String issuer() {
        return publicUrl.value();
    }

    /** The issuer of a realm: the public URL for the ERP, {@code …/cloud/realms/{customerNo}} in the cloud. */
    public String issuer(RealmId realm) {
        return realm.equals(RealmId.ERP) ? issuer() : publicUrl.resolve("/cloud/realms/" + realm.value());
    }

    /** This server is (also) a customer's ERP installation. */
    public boolean erpRole() {
        return erpRole;
    }

    /** This server is (also) the vendor cloud. */
    public boolean cloudRole() {
        return cloudRole;
    }

    /** The base URL of the vendor cloud the ERP side talks to ({@code ERPCONNECT_CLOUD_URL}). */
    public PublicUrl cloudUrl() {
        return cloudUrl;
    }

    /** How long a registration link works unless the vendor says otherwise. */
    public int invitationDays() {
        return invitationDays;
    }

    public Optional<String> initialVendorPassword() {
        return initialVendorPassword.filter(s -> !s.isEmpty());
    }

    /** The test-only licence reset: only when configured, and never outside dev mode. */
    public boolean licenceTestResetEnabled() {
        return licenceTestReset && isDev();
    }

    /** How long after its first use a refresh token may be presented again (a lost response). */
    public int refreshRetryGraceSeconds() {
        return Math.max(0, refreshRetryGraceSeconds);
    }

    /**
     * How long an authorization request may wait for the user's consent (default 10 minutes, as
     * Keycloak's login timeout): a consent page left open longer must be started again.
     */
    public Duration loginTimeout() {
        return Duration.ofSeconds(Math.max(5, loginTimeoutSeconds));
    }

    /** How long a pushed authorization request's request_uri may be used (RFC 9126 §2.2; 10 to 600 s, default 60). */
    public int parSeconds() {
        return Math.min(600, Math.max(10, parSeconds));
    }

    /** How many days event-log entries are kept (default 365); older ones are deleted daily. */
    public int eventRetentionDays() {
        return eventRetentionDays;
    }

    /** Several nodes over one database ({@code ERPCONNECT_CLUSTER=true}): shared counters and caches. */
    public boolean clustered() {
        return cluster;
    }

    public Optional<String> initialAdminPassword() {
        return initialAdminPassword.filter(s -> !s.isEmpty());
    }

    /** WildFly's {@code jboss.server.data.dir}: {@code ERPCONNECT_DATA_DIR} when started by our scripts. */
    public Path dataDir() {
        String dir = System.getProperty("jboss.server.data.dir");
        if (dir == null) {
            throw new IllegalStateException("jboss.server.data.dir is not set");
        }
        return Path.of(dir);
    }

    public Path credentialStore() {
        return dataDir().resolve(credentialStoreFile);
    }
}
