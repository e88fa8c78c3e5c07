/**
 * The event log ("Ereignisprotokoll"): what happened, when, by whom — security events,
 * administration changes, service starts. Entries never contain a secret.
 */
package de.erpconnect.domain.event;
