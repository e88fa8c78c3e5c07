package de.erpconnect.domain.client;

/**
 * Fetches the JWK Set a partner app publishes at its {@link JwksUri}. Every failure — a refused
 * address, TLS, a timeout, a status other than 200, too large, not a valid set by the rules of
 * {@link ClientKeys} — is an {@link de.erpconnect.domain.shared.InvalidInputException} of the field
 * {@code jwksUri} that says what went wrong.
 */
public interface KeySetFetcher {

    ClientKeys fetch(JwksUri uri);
}
