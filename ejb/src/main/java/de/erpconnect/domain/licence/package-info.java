/**
 * Licence and activation keys ("HILFE → LIZENZ → AKTIVIERUNGEN", DESIGN §3): the edition of the
 * installation, vendor-signed activation keys (Ed25519, grouped Base32 with a checksum) for the
 * product and for partner apps, the vendor-signed partner-app catalogue, and the edition gates.
 * The key format is plain Java so that the vendor's command-line tool signs with the same code.
 */
package de.erpconnect.domain.licence;
