package de.erpconnect.domain.grant;

import de.erpconnect.domain.shared.Base64UrlAlphabet;
import de.erpconnect.domain.shared.Sha256;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random, unguessable tokens (authorization codes): 256 bits, base64url. Only the
 * SHA-256 of a token is stored — with that much entropy no salt or slow hash is needed.
 */
public final class OpaqueToken {

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    private OpaqueToken() {}

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.get().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        return Sha256.base64Url(token);
    }

    /** Whether a presented token could be one of ours at all (length and alphabet). */
    public static boolean isWellFormed(String token) {
        return token != null && token.length() == 43 && Base64UrlAlphabet.containsAll(token);
    }
}
