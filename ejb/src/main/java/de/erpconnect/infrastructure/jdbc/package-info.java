/**
 * Plain JDBC: the generic ERP table access (SQL built from registry metadata only — table and
 * column names never come from a request — values always bound as parameters), and the hot or
 * cluster-wide rows whose single-use and counting rules are conditional updates (refresh chains,
 * login failures, cache invalidations, service state).
 */
package de.erpconnect.infrastructure.jdbc;
