/**
 * Users (DESIGN §4): administration, the first admin, password checks with brute-force throttling, and
 * the cached state of a caller (active, roles, GraphQL access) that authentication asks on every request.
 */
package de.erpconnect.application.user;
