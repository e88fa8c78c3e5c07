/**
 * What the authorization server signs: signing keys (one active per realm, older ones kept for
 * verification until their tokens expired) and the claims of RFC 9068 access tokens.
 */
package de.erpconnect.domain.token;
