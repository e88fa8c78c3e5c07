/** JSON-P plumbing shared by every layer that writes JSON by hand (tokens, OAuth answers). */
package de.erpconnect.infrastructure.json;
