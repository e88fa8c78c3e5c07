/**
 * Outgoing e-mail through the mail session that {@code wildfly-config/85-mail.cli} configures
 * (SMTP host and port are the operator's configuration). Only the cloud's password reset sends mail.
 */
package de.erpconnect.infrastructure.mail;
