/**
 * Plain JDBC for the generic ERP table access: SQL built from registry metadata only (table and
 * column names never come from a request), values always bound as parameters.
 */
package de.erpconnect.infrastructure.jdbc;
