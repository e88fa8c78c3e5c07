/** HTTP clients to outside services, with timeouts and outcomes an administrator can read. */
package de.erpconnect.infrastructure.http;
