/**
 * What every layer may use: the installation's settings from MicroProfile Config (mode, public URL,
 * roles, limits; checked once at start-up) and the JSON provider of everything written by hand.
 */
package de.erpconnect.common;
