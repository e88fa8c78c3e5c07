package de.erpconnect.interfaces.oauth;

/**
 * The client credentials a request presents (RFC 6749 §2.3), before they are checked; a public
 * client presents no secret. Never printed with its secret.
 */
record PresentedClient(String clientId, String secret) {

    @Override
    public String toString() {
        return "PresentedClient[" + clientId + "]";
    }
}
