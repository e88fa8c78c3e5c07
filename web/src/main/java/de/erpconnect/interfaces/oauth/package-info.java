/**
 * The OAuth 2.0 endpoints (DESIGN §6): token endpoint as a thin dispatcher plus one class per
 * grant, client authentication, JWKS and RFC 8414 discovery. Errors are RFC 6749 §5.2 JSON.
 */
package de.erpconnect.interfaces.oauth;
