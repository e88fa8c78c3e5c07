/**
 * HTTP concerns shared by every protocol: strict request-body reading (size limit, valid UTF-8,
 * form decoding without duplicates) and the security headers every response carries.
 */
package de.erpconnect.interfaces.http;
