/**
 * What the nodes of a cluster share through the database: the log of announced cache invalidations
 * and the brute-force counters, kept in memory on a single node.
 */
package de.erpconnect.domain.cluster;
