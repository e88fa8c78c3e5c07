/**
 * What the nodes of a cluster share through the database: cache invalidations announced to the other
 * nodes, and the housekeeping of the cluster tables.
 */
package de.erpconnect.application.cluster;
