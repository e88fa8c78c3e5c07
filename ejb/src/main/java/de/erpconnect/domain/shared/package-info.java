/**
 * Building blocks every feature shares: the one business-exception hierarchy, field errors and
 * the realm identifier that every OAuth record carries. Nothing here knows about a protocol.
 */
package de.erpconnect.domain.shared;
