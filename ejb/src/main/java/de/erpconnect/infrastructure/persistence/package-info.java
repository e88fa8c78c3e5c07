/**
 * Schema ownership: Flyway migrates the database before Hibernate validates the mappings
 * (DESIGN §2), and an explicit, opt-in profile loads the German demo data.
 */
package de.erpconnect.infrastructure.persistence;
