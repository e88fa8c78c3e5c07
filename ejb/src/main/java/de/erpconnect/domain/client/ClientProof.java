package de.erpconnect.domain.client;

/**
 * What a request presents to authenticate its client (RFC 6749 §2.3), before it is checked: the
 * client id with a secret ({@code client_secret_basic}, {@code client_secret_post}), with a signed
 * assertion ({@code private_key_jwt}, RFC 7523 §2.2), or with nothing (a public client).
 * {@code endpoint} is the URL the request was sent to, which an assertion may name as its audience
 * (RFC 7523 §3). Never printed with its secret or assertion.
 */
public record ClientProof(String clientId, String secret, String assertion, String endpoint) {

    /** A client id with a secret, or with none. */
    public static ClientProof secret(String clientId, String secret) {
        return new ClientProof(clientId, secret, null, null);
    }

    /** A client id (from the assertion's subject when the request did not name one) with an assertion. */
    public static ClientProof assertion(String clientId, String assertion, String endpoint) {
        return new ClientProof(clientId, null, assertion, endpoint);
    }

    @Override
    public String toString() {
        return "ClientProof[" + clientId + (assertion != null ? ", assertion" : secret != null ? ", secret" : "") + "]";
    }
}
