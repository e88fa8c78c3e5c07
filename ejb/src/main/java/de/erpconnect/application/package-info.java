/**
 * Use-case services: transactional {@code @Stateless} beans that load, call one
 * intention-revealing method of an entity, store and log an event. They accept command records,
 * return view records, and check roles with {@code @RolesAllowed}. Entities never leave here.
 */
package de.erpconnect.application;
