package de.erpconnect.domain.client;

/** Generates client ids and secrets and hashes secrets; implemented with a CSPRNG and the pepper. */
public interface ClientCredentialsFactory {

    ClientId newClientId();

    ClientSecret newSecret();

    String hash(ClientSecret secret);
}
