/**
 * JPA implementations of the domain repositories. Queries are JPQL with parameters; nothing
 * here decides business rules.
 */
package de.erpconnect.infrastructure.jpa;
