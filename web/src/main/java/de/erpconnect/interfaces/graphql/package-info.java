/**
 * The ERP GraphQL API (DESIGN §7) on SmallRye GraphQL: the schema is generated from the table
 * registry through the {@code EventingService} SPI, with generic fetchers that call the EJB
 * services and DataLoaders that batch links. Rights are checked in the services, not here.
 */
package de.erpconnect.interfaces.graphql;
