/** Admin REST twin of "ZUGANGSDATEN": {@code /api/admin/credentials}. */
package de.erpconnect.interfaces.rest.credentials;
