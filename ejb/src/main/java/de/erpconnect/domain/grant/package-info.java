/**
 * The authorization-code flow's records (DESIGN §6): a grant is a user's consent to one
 * application for some scopes; authorization codes and refresh tokens belong to a grant, and
 * revoking the grant ends all of them — and every access token issued from it — at once.
 */
package de.erpconnect.domain.grant;
