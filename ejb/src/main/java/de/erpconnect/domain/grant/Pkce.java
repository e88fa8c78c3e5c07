package de.erpconnect.domain.grant;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/** Proof Key for Code Exchange, RFC 7636, method S256 only (plain is refused, §4.2). */
public final class Pkce {

    /** §4.1: 43–128 unreserved characters. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");
    /** The S256 challenge is BASE64URL(SHA-256(verifier)): 43 characters. */
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9\\-_]{43}");

    private Pkce() {}

    public static boolean isValidChallenge(String challenge) {
        return challenge != null && CHALLENGE.matcher(challenge).matches();
    }

    /** §4.6: BASE64URL-ENCODE(SHA256(ASCII(code_verifier))) == code_challenge, in constant time. */
    public static boolean verify(String verifier, String challenge) {
        if (verifier == null || !VERIFIER.matcher(verifier).matches()) {
            return false;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            String computed = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            return MessageDigest.isEqual(
                    computed.getBytes(StandardCharsets.US_ASCII), challenge.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
