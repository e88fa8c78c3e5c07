/** Admin REST twin of "ANWENDUNGEN VERWALTEN": {@code /api/admin/applications}. */
package de.erpconnect.interfaces.rest.applications;
