/**
 * Faces pages outside the admin area: the German login page, the OAuth consent page and a user's
 * own consents. Backing beans call services only; texts come from the {@code texts} bundle.
 */
package de.erpconnect.interfaces.pages;
