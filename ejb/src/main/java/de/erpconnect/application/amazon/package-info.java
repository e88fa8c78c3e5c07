/**
 * Amazon through the cloud (DESIGN §9): Seller Central's consent and callback, the Login with Amazon
 * credentials, SP-API access tokens and reminders.
 */
package de.erpconnect.application.amazon;
