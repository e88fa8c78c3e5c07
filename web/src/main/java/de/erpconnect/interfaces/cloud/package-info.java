/**
 * The vendor cloud's pages before the login ({@code webapp/cloud/*.xhtml}): registration through the
 * invitation link, "Passwort vergessen?" and the new password. One page, one bean; beans call the
 * cloud services, never JPA.
 */
package de.erpconnect.interfaces.cloud;
