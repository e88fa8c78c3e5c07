/** The page "Zugangsdaten": access credentials for outside services, their secret write-only, "Testen". */
package de.erpconnect.interfaces.admin.credentials;
