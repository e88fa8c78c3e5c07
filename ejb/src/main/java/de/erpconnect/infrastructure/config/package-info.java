/**
 * Configuration that belongs to one technique or feature: the release's build number, the vendor's
 * trust anchors for activation keys, the configured credential kinds, Amazon's endpoints.
 */
package de.erpconnect.infrastructure.config;
