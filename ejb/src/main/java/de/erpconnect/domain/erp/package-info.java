/**
 * The ERP's data as partner apps see it (DESIGN §7): the table catalogue and the one metadata
 * registry (fields, keys, indexes, links) from which the GraphQL schema and the SQL are
 * generated, so that a table is described once and never hand-coded per protocol.
 */
package de.erpconnect.domain.erp;
