/**
 * Container-managed authentication for the one WAR (DESIGN §10 "WAR security"): a Jakarta
 * Security mechanism that chooses by path — bearer tokens of our own issuer for the APIs, HTTP
 * Basic for admin scripts, FORM for pages — with the roles read live from the user table.
 */
package de.erpconnect.interfaces.security;
