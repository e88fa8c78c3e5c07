/** The page "Benutzer verwalten": users, their flags, roles and ERP table rights. */
package de.erpconnect.interfaces.admin.users;
