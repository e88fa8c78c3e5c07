/**
 * The authorization code grant's front half (DESIGN §6): a user's consent, the single-use code, the
 * grants a user or an admin sees and revokes, and the cached grant state.
 */
package de.erpconnect.application.grant;
