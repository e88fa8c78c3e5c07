/** The page "Freigaben": who granted which application what, with revoke. */
package de.erpconnect.interfaces.admin.grants;
