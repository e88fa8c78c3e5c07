/**
 * Access credentials ("PARAMETER → SONSTIGE → ZUGANGSDATEN", DESIGN §8): numbered client id /
 * secret records for outside services such as the vendor cloud, at most one active per kind, the
 * secret kept only encrypted.
 */
package de.erpconnect.domain.credential;
