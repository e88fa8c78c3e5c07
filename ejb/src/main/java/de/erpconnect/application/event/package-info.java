/**
 * The event log ("Ereignisprotokoll"): what every feature records about administration and security,
 * and the admin's view of it.
 */
package de.erpconnect.application.event;
