package de.erpconnect.domain.token;

/**
 * A DPoP proof without the server's current nonce (RFC 9449 §8): {@code use_dpop_nonce}, answered
 * with the nonce to use in the {@code DPoP-Nonce} header.
 */
public class DpopNonceRequiredException extends OAuthException {

    private static final long serialVersionUID = 1L;

    private final String nonce;

    public DpopNonceRequiredException(String description, String nonce) {
        super(OAuthError.USE_DPOP_NONCE, description);
        this.nonce = nonce;
    }

    /** The nonce the client must put into its next proof. */
    public String nonce() {
        return nonce;
    }
}
