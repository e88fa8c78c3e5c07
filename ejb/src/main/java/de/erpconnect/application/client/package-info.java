/**
 * OAuth clients, the "Anwendungen" (DESIGN §5): administration, secret rotation, the cached client
 * state the token endpoint asks, and the browser origins of public clients (CORS).
 */
package de.erpconnect.application.client;
