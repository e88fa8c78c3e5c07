package de.erpconnect.infrastructure.config;

import de.erpconnect.common.Settings;
import de.erpconnect.domain.credential.CredentialKind;
import de.erpconnect.domain.credential.CredentialKinds;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The kinds of access credentials: "microtech Cloud" (token endpoint from
 * {@code ERPCONNECT_MICROTECH_CLOUD_TOKEN_URL}) and any further kinds from
 * {@code ERPCONNECT_CREDENTIAL_KINDS}, a list of {@code CODE|Display name|token URL} separated by
 * {@code ;}. Token URLs must be https (http also in dev mode), absolute and without user info —
 * they come from the operator's configuration, never from a request.
 */
@ApplicationScoped
public class ConfiguredCredentialKinds implements CredentialKinds {

    @Inject
    @ConfigProperty(name = "erpconnect.microtech-cloud.token-url")
    Optional<String> microtechCloudTokenUrl;

    @Inject
    @ConfigProperty(name = "erpconnect.credential-kinds")
    Optional<String> extraKinds;

    @Inject
    Settings settings;

    private List<CredentialKind> kinds;

    @PostConstruct
    void init() {
        List<CredentialKind> list = new ArrayList<>();
        list.add(new CredentialKind(
                CredentialKind.MICROTECH_CLOUD,
                "microtech Cloud",
                microtechCloudTokenUrl
                        .filter(s -> !s.isBlank())
                        .map(u -> checkedUrl(CredentialKind.MICROTECH_CLOUD, u))));
        extraKinds.filter(s -> !s.isBlank()).ifPresent(value -> {
            for (String entry : value.split(";")) {
                if (entry.isBlank()) {
                    continue;
                }
                String[] parts = entry.split("\\|", -1);
                if (parts.length != 3) {
                    throw new IllegalStateException(
                            "ERPCONNECT_CREDENTIAL_KINDS: each entry is CODE|Display name|token URL");
                }
                String code = parts[0].trim().toUpperCase(Locale.ROOT);
                list.add(new CredentialKind(
                        code,
                        parts[1].trim(),
                        Optional.of(parts[2].trim()).filter(s -> !s.isEmpty()).map(u -> checkedUrl(code, u))));
            }
        });
        kinds = List.copyOf(list);
    }

    private String checkedUrl(String code, String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The token URL of the credential kind " + code + " is not a valid URL.");
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        boolean http = "http".equalsIgnoreCase(uri.getScheme());
        if (!(https || (http && settings.isDev())) || uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new IllegalStateException("The token URL of the credential kind " + code
                    + " must be an absolute https URL (http only in dev mode) without user info.");
        }
        return uri.toString();
    }

    @Override
    public List<CredentialKind> all() {
        return kinds;
    }
}
