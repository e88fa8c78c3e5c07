/** Admin REST twin of the "Ereignisprotokoll": {@code /api/admin/events}. */
package de.erpconnect.interfaces.rest.events;
