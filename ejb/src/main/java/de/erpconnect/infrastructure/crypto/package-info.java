/**
 * Cryptography: the master key and pepper from the Elytron credential store, AES-GCM for secrets
 * at rest, HMAC for client secrets, bcrypt for passwords and the JWS signer for tokens. JDK and
 * Elytron only; nothing here logs key material.
 */
package de.erpconnect.infrastructure.crypto;
