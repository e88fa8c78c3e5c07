/**
 * The demo company: a realistic, deterministic German data set (addresses with postal addresses
 * so far) for trying the API. Loaded only through the demo profile, never on production start.
 */
package de.erpconnect.infrastructure.persistence.demo;
