/**
 * The vendor cloud (DESIGN §9): customer realms, the invitations that create them, and the password
 * resets of realm users. A realm's users, applications and tokens are the OAuth records of §5/§6
 * carrying the realm's id; this package holds only what the cloud adds to them.
 */
package de.erpconnect.domain.cloud;
