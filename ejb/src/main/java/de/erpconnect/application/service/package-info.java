/**
 * The automation services (DESIGN §7): the GraphQL-Server started and stopped, its interactive web UI,
 * and the cached state the GraphQL layer asks.
 */
package de.erpconnect.application.service;
