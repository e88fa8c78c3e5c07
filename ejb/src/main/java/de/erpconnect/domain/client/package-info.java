/**
 * Applications ("ANWENDUNGEN VERWALTEN", DESIGN §5), i.e. OAuth clients: generated client id and
 * secret (kept only as a keyed hash), client type, bound user, exact redirect URIs and scopes.
 */
package de.erpconnect.domain.client;
