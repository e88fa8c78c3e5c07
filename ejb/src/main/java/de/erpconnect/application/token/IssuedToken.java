package de.erpconnect.application.token;

/**
 * A freshly issued access token as the token endpoint returns it (RFC 6749 §5.1); {@code dpop} when
 * it is bound to a DPoP key (token type {@code DPoP}, RFC 9449 §5).
 */
public record IssuedToken(String accessToken, long expiresIn, String scope, String refreshToken, boolean dpop) {

    @Override
    public String toString() {
        return "IssuedToken[expiresIn=" + expiresIn + ", scope=" + scope + ", dpop=" + dpop + "]";
    }
}
