/**
 * Licence and activations (DESIGN §3): the installation's edition, activating and deactivating
 * vendor-signed keys, the partner-app catalogue, and the cached licence state every feature asks.
 */
package de.erpconnect.application.licence;
