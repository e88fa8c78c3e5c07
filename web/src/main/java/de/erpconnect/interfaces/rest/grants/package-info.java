/** Admin REST for grants (consents) and token-signing keys: list, revoke, rotate. */
package de.erpconnect.interfaces.rest.grants;
