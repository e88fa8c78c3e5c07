/**
 * The vendor cloud's pages (DESIGN §9, the seed's registration screens): registration through an
 * invitation link, login with customer number, password reset by e-mail, and a realm's
 * applications with the one-time secret dialog. Beans call {@code CloudService}, never JPA.
 */
package de.erpconnect.interfaces.cloud.portal;
