/**
 * The admin REST API under {@code /api/admin} (DESIGN §10 "Admin REST contract"): JSON, role
 * {@code admin}, RFC 9457 problem JSON for every error. Resources are thin: they translate HTTP to
 * service calls and never catch exceptions into responses.
 */
package de.erpconnect.interfaces.rest;
