/**
 * Runtime settings from MicroProfile Config (environment variables such as
 * {@code ERPCONNECT_MODE} and {@code ERPCONNECT_PUBLIC_URL}), checked once at start-up.
 */
package de.erpconnect.infrastructure.config;
