/** The page "Automatisierungsdienste": the GraphQL-Server, its endpoint and its interactive web UI. */
package de.erpconnect.interfaces.admin.services;
