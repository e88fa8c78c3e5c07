/**
 * The ERP data behind the GraphQL API (DESIGN §7): reads and writes with the caller's ERP rights and
 * protected fields, the ERP's number ranges.
 */
package de.erpconnect.application.erp;
