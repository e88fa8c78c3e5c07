package de.erpconnect.application.amazon;

import de.erpconnect.domain.amazon.AmazonAuthorization;
import de.erpconnect.domain.amazon.LwaClient;
import de.erpconnect.domain.amazon.SellingRegion;
import de.erpconnect.domain.shared.RealmId;
import de.erpconnect.infrastructure.crypto.SecretCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;

/**
 * The Amazon secrets the cloud keeps at rest, encrypted with the master key, each under a context
 * of its own: the LWA client secret (the vendor's), a seller's refresh token per realm and selling
 * region.
 */
@ApplicationScoped
public class AmazonSecrets {

    private static final String LWA_CONTEXT = "amazon-lwa-client-secret";

    @Inject
    SecretCipher cipher;

    byte[] sealLwaSecret(String secret) {
        return cipher.encrypt(secret.getBytes(StandardCharsets.UTF_8), LWA_CONTEXT);
    }

    String lwaSecret(LwaClient lwa) {
        return new String(cipher.decrypt(lwa.getClientSecretEncrypted(), LWA_CONTEXT), StandardCharsets.UTF_8);
    }

    byte[] sealRefreshToken(RealmId realm, SellingRegion region, String refreshToken) {
        return cipher.encrypt(refreshToken.getBytes(StandardCharsets.UTF_8), refreshContext(realm, region));
    }

    String refreshToken(AmazonAuthorization authorization) {
        return new String(
                cipher.decrypt(
                        authorization.getRefreshTokenEncrypted(),
                        refreshContext(authorization.getRealm(), authorization.getSellingRegion())),
                StandardCharsets.UTF_8);
    }

    private static String refreshContext(RealmId realm, SellingRegion region) {
        return "amazon-refresh-token:" + realm.value() + ":" + region.name();
    }
}
