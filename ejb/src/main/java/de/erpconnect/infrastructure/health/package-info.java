/**
 * The readiness check of MicroProfile Health (the database answers), packaged into the EAR's library
 * jar so that WildFly's health subsystem finds it.
 */
package de.erpconnect.infrastructure.health;
