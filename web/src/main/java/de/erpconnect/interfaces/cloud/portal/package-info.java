/**
 * The vendor cloud's portal behind its login ({@code webapp/cloud/portal/*.xhtml}): a realm's
 * applications with the one-time secret dialog (DESIGN §9). Beans call the cloud services, never JPA.
 */
package de.erpconnect.interfaces.cloud.portal;
