/** The page "Ereignisprotokoll": the event log, paged and filtered by type and text. */
package de.erpconnect.interfaces.admin.events;
