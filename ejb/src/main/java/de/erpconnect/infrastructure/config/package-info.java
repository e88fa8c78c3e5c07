/**
 * The kinds of access credentials an installation configures (DESIGN §8), read from its
 * settings and checked at start-up; the credential feature sees them through its
 * {@code CredentialKinds} port.
 */
package de.erpconnect.infrastructure.config;
