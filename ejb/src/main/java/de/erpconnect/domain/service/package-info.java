/** The automation services ("Automatisierungsdienste"): the GraphQL-Server and its state. */
package de.erpconnect.domain.service;
