/**
 * The token endpoint's rules (DESIGN §6): client authentication, the grants that issue tokens,
 * revocation and introspection, and the signing keys of access tokens.
 */
package de.erpconnect.application.token;
