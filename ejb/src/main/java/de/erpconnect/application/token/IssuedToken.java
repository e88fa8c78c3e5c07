package de.erpconnect.application.token;

/** A freshly issued access token as the token endpoint returns it (RFC 6749 §5.1). */
public record IssuedToken(String accessToken, long expiresIn, String scope, String refreshToken) {

    public IssuedToken(String accessToken, long expiresIn, String scope) {
        this(accessToken, expiresIn, scope, null);
    }

    @Override
    public String toString() {
        return "IssuedToken[expiresIn=" + expiresIn + ", scope=" + scope + "]";
    }
}
