/** The page "Anwendungen verwalten": applications, their one-time secrets, activation and deletion. */
package de.erpconnect.interfaces.admin.applications;
