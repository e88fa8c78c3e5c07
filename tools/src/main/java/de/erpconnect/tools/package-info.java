/**
 * The vendor's command line: key pairs, activation keys and the signed partner-app catalogue.
 * Built into a runnable jar that never ships with the EAR; the private key stays with the vendor.
 */
package de.erpconnect.tools;
