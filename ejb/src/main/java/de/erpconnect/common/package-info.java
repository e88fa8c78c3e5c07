/**
 * What every layer may use: the installation's settings from MicroProfile Config (mode, public URL,
 * roles, limits; checked once at start-up), the release's build number, the vendor's trust anchors
 * for activation keys, Amazon's endpoints and the JSON provider of everything written by hand.
 */
package de.erpconnect.common;
