/** Request counts and latencies of the token and GraphQL endpoints, served at /metrics for Prometheus. */
package de.erpconnect.interfaces.metrics;
