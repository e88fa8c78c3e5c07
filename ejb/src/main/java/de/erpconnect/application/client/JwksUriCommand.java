package de.erpconnect.application.client;

/** Register the URL where a partner app publishes its public keys (RFC 7591 §2 {@code jwks_uri}). */
public record JwksUriCommand(String jwksUri) {}
