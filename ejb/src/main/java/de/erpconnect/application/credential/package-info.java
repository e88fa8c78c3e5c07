/**
 * Access credentials, "Zugangsdaten" (DESIGN §8): the secret encrypted at rest, one active record
 * per kind, and "Testen" against the kind's token endpoint.
 */
package de.erpconnect.application.credential;
