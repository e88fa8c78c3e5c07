package de.erpconnect.common;

import de.erpconnect.domain.licence.PartnerAppCatalogue;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The vendor's public key (Ed25519) and the partner-app catalogue it signed, both shipped in the
 * EAR ({@code META-INF/licence/}). Only in dev mode may configuration point to another key and
 * catalogue ({@code ERPCONNECT_LICENCE_VENDOR_KEY_FILE}, {@code ERPCONNECT_LICENCE_CATALOGUE_FILE}
 * with its {@code .sig} beside it) — in production that would let any admin license themselves, so
 * there it is ignored with an error in the log.
 */
@ApplicationScoped
public class VendorTrust {

    private static final Logger LOG = Logger.getLogger(VendorTrust.class);
    static final String SHIPPED = "/META-INF/licence/";

    @Inject
    Settings settings;

    @Inject
    @ConfigProperty(name = "erpconnect.licence.vendor-key-file")
    Optional<String> vendorKeyFile;

    @Inject
    @ConfigProperty(name = "erpconnect.licence.catalogue-file")
    Optional<String> catalogueFile;

    private PublicKey vendorKey;
    private PartnerAppCatalogue catalogue;

    @PostConstruct
    void load() {
        boolean override = vendorKeyFile.isPresent() || catalogueFile.isPresent();
        if (override && !settings.isDev()) {
            LOG.error("ERPC0050: the licence vendor key override is only honoured in dev mode; using the shipped key");
        }
        boolean useOverride = override && settings.isDev();
        if (useOverride && (vendorKeyFile.isEmpty() || catalogueFile.isEmpty())) {
            throw new IllegalStateException("The vendor key file and the catalogue file must be overridden together.");
        }
        byte[] key = useOverride ? read(Path.of(vendorKeyFile.get())) : shipped("vendor-public-key.b64");
        byte[] json = useOverride ? read(Path.of(catalogueFile.get())) : shipped("partner-apps.json");
        byte[] sig = useOverride ? read(Path.of(catalogueFile.get() + ".sig")) : shipped("partner-apps.json.sig");
        vendorKey = publicKey(new String(key, StandardCharsets.US_ASCII));
        catalogue = PartnerAppCatalogue.load(json, new String(sig, StandardCharsets.US_ASCII), vendorKey);
        if (useOverride) {
            LOG.warnf(
                    "ERPC0051: dev mode: activation keys are checked with the vendor key from %s", vendorKeyFile.get());
        }
        LOG.infof(
                "ERPC0052: partner-app catalogue with %d partner apps loaded",
                catalogue.all().size());
    }

    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.trim())));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("The vendor public key is not a Base64 X.509 Ed25519 key.", e);
        }
    }

    private static byte[] shipped(String name) {
        try (InputStream in = VendorTrust.class.getResourceAsStream(SHIPPED + name)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED + name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    public PublicKey vendorKey() {
        return vendorKey;
    }

    public PartnerAppCatalogue catalogue() {
        return catalogue;
    }
}
