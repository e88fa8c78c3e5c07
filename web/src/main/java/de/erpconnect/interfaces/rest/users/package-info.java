/** Admin REST twin of "BENUTZER VERWALTEN": {@code /api/admin/users}. */
package de.erpconnect.interfaces.rest.users;
