/** The "Plattformen" page ("E-COMMERCE → PLATTFORMEN"): Amazon profiles, ANMELDEN/AKTUALISIEREN through the cloud. */
package de.erpconnect.interfaces.admin.platforms;
