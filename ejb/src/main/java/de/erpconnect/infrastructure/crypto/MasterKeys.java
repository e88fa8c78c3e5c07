package de.erpconnect.infrastructure.crypto;

import de.erpconnect.common.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;
import org.wildfly.security.credential.SecretKeyCredential;
import org.wildfly.security.credential.store.CredentialStore;
import org.wildfly.security.credential.store.WildFlyElytronCredentialStoreProvider;

/**
 * Reads the keys that protect secrets at rest from the {@code secret-key-credential-store} that
 * {@code wildfly-config/20-credential-store.cli} creates (never regenerates) in the data
 * directory, through Elytron's public {@link CredentialStore} API: {@code master} (AES-256, for
 * encryption) and {@code pepper} (for the keyed hash of client secrets).
 */
@ApplicationScoped
public class MasterKeys {

    private static final Logger LOG = Logger.getLogger(MasterKeys.class);
    static final String MASTER_ALIAS = "master";
    static final String PEPPER_ALIAS = "pepper";

    @Inject
    Settings settings;

    private SecretKey master;
    private SecretKey pepper;

    @PostConstruct
    void load() {
        Path store = settings.credentialStore();
        if (!Files.isRegularFile(store)) {
            throw new IllegalStateException("The credential store " + store.getFileName() + " is missing from the data"
                    + " directory; run the wildfly-config scripts (they create it once) before starting.");
        }
        try {
            CredentialStore cs = CredentialStore.getInstance(
                    "PropertiesCredentialStore", WildFlyElytronCredentialStoreProvider.getInstance());
            cs.initialize(Map.of("location", store.toString(), "modifiable", "false"));
            master = read(cs, MASTER_ALIAS);
            pepper = read(cs, PEPPER_ALIAS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the credential store " + store.getFileName(), e);
        }
        LOG.infof("ERPC0001: keys for secrets at rest loaded from credential store %s", store.getFileName());
    }

    private static SecretKey read(CredentialStore cs, String alias) throws GeneralSecurityException {
        SecretKeyCredential credential = cs.retrieve(alias, SecretKeyCredential.class);
        if (credential == null) {
            throw new IllegalStateException(
                    "The credential store has no key '" + alias + "'; run the wildfly-config" + " scripts to add it.");
        }
        return credential.getSecretKey();
    }

    SecretKey master() {
        return master;
    }

    SecretKey pepper() {
        return pepper;
    }

    /** A key of its own for one purpose: HMAC-SHA-256 of the purpose's fixed label under the pepper. */
    static SecretKeySpec derive(SecretKey pepper, byte[] label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pepper.getEncoded(), "HmacSHA256"));
            return new SecretKeySpec(mac.doFinal(label), "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
