/** The page "Lizenz / Aktivierungen": edition, customer number, build, activations, new activation keys. */
package de.erpconnect.interfaces.admin.licence;
