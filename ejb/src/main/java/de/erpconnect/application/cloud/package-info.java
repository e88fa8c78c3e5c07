/**
 * The vendor cloud (DESIGN §9): realms per customer number, invitations and registration, the
 * portal's users, password reset and the realm's applications.
 */
package de.erpconnect.application.cloud;
