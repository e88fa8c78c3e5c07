/**
 * Caches of the application server (Infinispan, configured by {@code wildfly-config}): local on a
 * single server, replicated between the nodes of a cluster.
 */
package de.erpconnect.infrastructure.cache;
